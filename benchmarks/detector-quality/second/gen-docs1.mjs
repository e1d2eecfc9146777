// Document generators, part 1: HTTP, curl, env, YAML, terraform, CI logs, stack traces, SQL, CSV.
import { doc, S, join, r, ri, pick, chance, shuffle, chars, digits, ALNUM, HEX, B64, B64URL, UP, LOW, DIG,
  person, email, phone, phoneVariants, phoneValid, card, groupCard, TEST_CARDS, iban, badIban, groupIban, ssn,
  ipv4Public, ipv4Private, ipv6, SEC, pem, basic, NEG } from './lib.mjs';

export const IN_SCOPE = ['US', 'CA', 'GB', 'DE', 'FR', 'NL', 'AU', 'IN', 'IT', 'JP', 'BR'];
// A phone span: `variants` lists acceptable written forms (keys of phoneVariants); validated with libphonenumber.
export function P(country, variants = ['nat', 'intl'], meta = {}) {
  for (let k = 0; k < 50; k++) {
    const p = phone(country); const v = phoneVariants(p);
    const name = pick(variants.filter((n) => v[n]));
    if (!name) continue;
    const s = v[name];
    if (!phoneValid(s, country)) continue;
    const national = !s.startsWith('+') && !s.startsWith('00');
    const scope = national && !IN_SCOPE.includes(country) ? 'out' : 'in';
    return S('PHONE', s, { sub: `${country}:${name}`, country, scope, ...meta });
  }
  throw new Error('phone variant fail ' + country + variants);
}
export const anyPhone = (meta) => { const c = pick([...IN_SCOPE, ...IN_SCOPE, 'ES', 'PT', 'MX']); return P(c, ['nat', 'intl', 'e164'], meta); };
export const E = (p = person(), meta = {}) => S('EMAIL', email(p), meta);
export const IP4 = (meta = {}) => S('IP', chance(0.5) ? ipv4Public() : ipv4Private(), meta);
export const CARD = (sep = pick([' ', '-', '']), scheme, meta = {}) => { const c = card(scheme); return S('CARD', groupCard(c.digits, sep), { sub: c.scheme + (sep === '' ? ':compact' : ''), ...meta }); };
export const IBAN = (cc, fmt = pick(['group', 'compact', 'group']), meta = {}) => { const i = iban(cc); return S('IBAN', fmt === 'group' ? groupIban(i) : fmt === 'lower' ? groupIban(i).toLowerCase() : i, { sub: `${i.slice(0, 2)}:${fmt}`, ...meta }); };
export const SSN = (fmt = pick(['dash', 'dash', 'space'])) => { const [a, g, s] = ssn(); return S('SSN', fmt === 'dash' ? `${a}-${g}-${s}` : fmt === 'space' ? `${a} ${g} ${s}` : `${a}${g}${s}`, { sub: fmt }); };
const W = (sub, value, meta = {}) => S('WANTED', value, { sub, ...meta });
const IG = (value, note) => S('IGNORE', value, { note });
// A secret of type `sub` inside a sensitive-named assignment: SECRET with the type kept.
const SK = (sub, value) => S('SECRET', value, { sub });
const ua = () => pick([`Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${ri(110, 125)}.0.${ri(1000, 6500)}.${ri(10, 200)} Safari/537.36`, `python-requests/2.${ri(25, 32)}.${ri(0, 3)}`, `axios/1.${ri(3, 7)}.${ri(0, 9)}`, `curl/8.${ri(0, 7)}.${ri(0, 1)}`, `node-fetch/1.0 (+https://github.com/bitinn/node-fetch)`, `OpenAI/Python 1.${ri(10, 40)}.${ri(0, 9)}`]);
const host = () => pick(['api.acme-corp.com', 'internal.example.org', 'billing.company.io', 'localhost:8080', 'auth.example.net', 'shop.example.de']);
const date = () => `2024-${String(ri(1, 12)).padStart(2, '0')}-${String(ri(1, 28)).padStart(2, '0')}`;
const time = () => `${String(ri(0, 23)).padStart(2, '0')}:${String(ri(0, 59)).padStart(2, '0')}:${String(ri(0, 59)).padStart(2, '0')}`;
const iso = () => `${date()}T${time()}.${digits(3)}Z`;

export function httpRequest() {
  const p = person(pick(['en', 'de', 'fr']));
  const auth = pick([
    () => doc`Authorization: Bearer ${S('BEARER_TOKEN', SEC.opaque(ri(32, 64)), { sub: 'opaque' })}`,
    () => doc`Authorization: Bearer ${S('JWT', SEC.jwt())}`,
    () => { const u = pick(['admin', 'svc-reporting', p.first.toLowerCase(), 'api']); return doc`Authorization: Basic ${S('BASIC_AUTH', basic(u, SEC.password()))}`; },
    () => doc`X-Api-Key: ${SK('opaque', SEC.opaque(32))}`,
    () => doc`api-key: ${SK('azure-openai', chars(HEX, 32))}`,
    () => doc`Ocp-Apim-Subscription-Key: ${W('azure-apim-key', chars(HEX, 32))}`,
    () => doc`x-goog-api-key: ${S('GOOGLE_API_KEY', SEC.google())}`,
    () => doc`Authorization: token ${S('GITHUB_TOKEN', SEC.ghp())}`,
    () => doc`X-Auth-Token: ${SK('opaque', SEC.opaque(40))}`,
    () => doc`x-api-key: ${S('ANTHROPIC_KEY', SEC.anthropic())}`,
  ])();
  const cookieParts = shuffle([
    pick([() => doc`sessionid=${SK('session-cookie', chars(LOW + DIG, 32))}`, () => doc`JSESSIONID=${W('session-cookie', chars(HEX.toUpperCase(), 32))}`, () => doc`PHPSESSID=${W('session-cookie', chars(LOW + DIG, 26))}`, () => doc`connect.sid=${W('session-cookie', 's%3A' + chars(B64URL, 32) + '.' + chars(B64URL, 43))}`, () => doc`_myapp_session=${W('session-cookie', chars(B64, 120) + '--' + chars(HEX, 40))}`, () => doc`__Secure-next-auth.session-token=${S('JWT', SEC.jwt(), { sub: 'session-cookie' })}`]) (),
    doc`_ga=${IG(`GA1.2.${digits(10)}.${1715500000 + ri(0, 99999)}`, 'analytics cookie')}`,
    pick([() => doc`csrftoken=${SK('csrf', chars(ALNUM, 32))}`, () => doc`theme=dark`, () => doc`lang=${pick(['en-US', 'de-DE', 'fr-FR'])}`]) (),
    pick([() => doc`access_token=${S('JWT', SEC.jwt())}`, () => doc`jwt=${S('JWT', SEC.jwt())}`, () => doc`remember_me=1`])(),
  ]);
  const xff = chance(0.6) ? doc`\nX-Forwarded-For: ${IP4()}, ${S('IP', ipv4Public())}` : '';
  const method = pick(['GET', 'POST', 'PUT', 'PATCH']);
  const body = method === 'GET' ? '' : doc`\n\n{"email": "${E(p)}", "phone": "${P(pick(IN_SCOPE), ['intl', 'nat', 'e164'])}", "name": "${p.full}"}`;
  return doc`${method} /v1/${pick(['users', 'customers', 'orders/ORD-' + digits(6), 'charges'])}?page=${ri(1, 9)}&request_id=${NEG.uuid()} HTTP/1.1
Host: ${host()}
User-Agent: ${ua()}
Accept: application/json
${auth}
Cookie: ${join(cookieParts, '; ')}${xff}
Content-Type: application/json${body}`;
}

export function httpResponse() {
  const p = person(pick(['en', 'es', 'pt', 'it']));
  const setCookie = pick([
    () => doc`Set-Cookie: session=${W('session-cookie', chars(B64URL, 48))}; Path=/; HttpOnly; Secure; SameSite=Lax`,
    () => doc`Set-Cookie: refresh_token=${SK('refresh', chars(B64URL, 64))}; Max-Age=2592000; HttpOnly`,
    () => doc`Set-Cookie: auth=${S('JWT', SEC.jwt({ sub: p.first.toLowerCase(), role: 'user', iat: 1715500000 + ri(0, 99999) }))}; Path=/`,
    () => doc`Set-Cookie: __cf_bm=${IG(chars(B64URL, 43) + '-' + (1715500000 + ri(0, 99999)) + '-0-' + chars(B64, 60), 'bot-management cookie')}; path=/; expires=Sat, 12-May-24 10:52:33 GMT`,
  ])();
  return doc`HTTP/1.1 ${pick(['200 OK', '201 Created', '401 Unauthorized', '429 Too Many Requests'])}
Date: ${pick(['Sun', 'Mon', 'Tue', 'Fri'])}, ${ri(1, 28)} May 2024 ${time()} GMT
Content-Type: application/json; charset=utf-8
Content-Length: ${ri(120, 9000)}
X-Request-Id: ${NEG.uuid()}
X-RateLimit-Remaining: ${ri(0, 4999)}
ETag: W/"${chars(HEX, 8)}-${chars(B64URL, 27)}"
${setCookie}
Server: ${pick(['nginx/1.25.3', 'cloudflare', 'gunicorn', 'envoy'])}

{"id":"cus_${chars(ALNUM, 14)}","object":"customer","email":"${E(p)}","phone":"${P(pick(['US', 'GB', 'IT', 'BR', 'ES', 'PT', 'DE']), ['e164', 'intl'])}","created":${1715500000 + ri(0, 9999999)},"balance":${ri(0, 99999)},"invoice_prefix":"${chars(UP + DIG, 8)}","address":{"line1":"${ri(1, 999)} ${pick(['Market St', 'Rua Augusta', 'Via Roma', 'Calle Mayor'])}","postal_code":"${pick(['94103', '01310-100', '00184', '28013'])}"}}`;
}

export function curlCmd() {
  const p = person();
  const u = pick(['admin', 'api', 'deploy', p.first.toLowerCase(), 'elastic']);
  const h = host();
  return pick([
    () => doc`$ curl -sS -u ${u}:${W('curl-user-password', SEC.password())} https://${h}/api/v2/export?since=${date()}`,
    () => doc`curl -X POST https://${h}/v1/messages -H "Authorization: Bearer ${S('BEARER_TOKEN', SEC.opaque(40), { sub: 'opaque' })}" -H "Content-Type: application/json" -d '{"to":"${E(p)}","text":"hi"}'`,
    () => doc`curl https://api.openai.com/v1/chat/completions \\\n  -H "Content-Type: application/json" \\\n  -H "Authorization: Bearer ${S('OPENAI_KEY', pick([SEC.openaiProj, SEC.openaiLegacy, SEC.openaiSvc])())}" \\\n  -d '{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Say hi"}], "max_tokens": 64}'`,
    () => doc`curl https://api.anthropic.com/v1/messages --header "x-api-key: ${S('ANTHROPIC_KEY', SEC.anthropic())}" --header "anthropic-version: 2023-06-01" --header "content-type: application/json" --data '{"model":"claude-3-5-sonnet-20241022","max_tokens":1024}'`,
    () => doc`curl -s --user 'api:${W('mailgun-key', SEC.mailgun())}' https://api.mailgun.net/v3/mg.example.com/messages -F from='Support <${S('EMAIL', 'support@example.com', { sub: 'role-address' })}>' -F to=${E(p)} -F subject='Your order ${'#' + digits(7)}'`,
    () => doc`curl -X POST https://api.twilio.com/2010-04-01/Accounts/${IG(SEC.twilioSid(), 'twilio account SID (identifier)')}/Messages.json --data-urlencode "To=${P(pick(['US', 'GB', 'DE']), ['e164'])}" --data-urlencode "From=${P('US', ['e164'])}" -u ${IG(SEC.twilioSid(), 'twilio SID')}:${W('twilio-auth-token', SEC.twilioToken())}`,
    () => doc`curl -H "Authorization: token ${S('GITHUB_TOKEN', pick([SEC.ghp, SEC.ghpat])())}" https://api.github.com/repos/acme/infra/actions/secrets`,
    () => doc`curl -sL "https://${h}/download?email=${S('EMAIL', email(p).replace('@', '%40'), { sub: 'urlencoded' })}&token=${SK('query-token', chars(HEX, 40))}"`,
    () => doc`curl --request POST --url https://api.sendgrid.com/v3/mail/send --header 'Authorization: Bearer ${S('BEARER_TOKEN', SEC.sendgrid(), { sub: 'sendgrid' })}' --header 'Content-Type: application/json'`,
    () => doc`curl -H "PRIVATE-TOKEN: ${SK('gitlab', SEC.gitlab())}" "https://gitlab.example.com/api/v4/projects?per_page=100"`,
    () => doc`curl -X POST -H 'Content-type: application/json' --data '{"text":"Deploy ${NEG.semver()} finished"}' https://hooks.slack.com/services/${S('SLACK_TOKEN', SEC.slackHookPath(), { sub: 'webhook' })}`,
    () => doc`curl -u "${E(p)}:${W('curl-user-password', SEC.opaque(24))}" -X GET "https://${pick(['acme', 'example'])}.atlassian.net/rest/api/3/search?jql=project=OPS"`,
  ])();
}

function envLines() {
  const p = person();
  const pool = [
    () => doc`OPENAI_API_KEY=${S('OPENAI_KEY', pick([SEC.openaiProj, SEC.openaiLegacy, SEC.openaiSvc, SEC.openaiAdmin])())}`,
    () => doc`ANTHROPIC_API_KEY=${S('ANTHROPIC_KEY', pick([SEC.anthropic, SEC.anthropicAdmin])())}`,
    () => doc`AWS_ACCESS_KEY_ID=${S('AWS_ACCESS_KEY', SEC.awsId())}\nAWS_SECRET_ACCESS_KEY=${SK('aws-secret', SEC.awsSecret())}`,
    () => doc`AWS_SESSION_TOKEN=${SK('aws-session', SEC.awsSession())}`,
    () => doc`DATABASE_URL=postgres://${S('URL_CREDENTIALS', `app_user:${SEC.password().replace(/[@/:#?]/g, '')}`)}@db.${pick(['internal', 'prod.acme-corp.com', 'rds.amazonaws.com'])}:5432/app`,
    () => doc`REDIS_URL=redis://${S('URL_CREDENTIALS', ':' + chars(ALNUM, 24))}@cache.internal:6379/0`,
    () => doc`MONGO_URI="mongodb+srv://${S('URL_CREDENTIALS', `svc:${chars(ALNUM, 16)}`)}@cluster0.${chars(LOW + DIG, 5)}.mongodb.net/?retryWrites=true&w=majority"`,
    () => doc`NPM_TOKEN=${SK('npm', SEC.npm())}`,
    () => doc`HF_TOKEN=${SK('huggingface', SEC.hf())}`,
    () => doc`HUGGINGFACEHUB_API_TOKEN=${SK('huggingface', SEC.hf())}`,
    () => doc`SENDGRID_API_KEY=${SK('sendgrid', SEC.sendgrid())}`,
    () => doc`TWILIO_ACCOUNT_SID=${IG(SEC.twilioSid(), 'account SID')}\nTWILIO_AUTH_TOKEN=${SK('twilio', SEC.twilioToken())}`,
    () => doc`TWILIO_API_KEY=${SK('twilio', SEC.twilioKey())}`,
    () => doc`MAILGUN_KEY=${W('mailgun-key', SEC.mailgun())}`,
    () => doc`MAILGUN_API_KEY=${SK('mailgun', SEC.mailgun())}`,
    () => doc`STRIPE_SECRET_KEY=${S('STRIPE_KEY', SEC.stripeLive())}`,
    () => doc`STRIPE_RESTRICTED_KEY=${S('STRIPE_KEY', SEC.stripeRk(), { sub: 'restricted' })}`,
    () => doc`STRIPE_WEBHOOK_SECRET=${S('STRIPE_KEY', SEC.stripeWh(), { sub: 'whsec' })}`,
    () => doc`NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=${IG(SEC.stripePk(), 'publishable key is public')}`,
    () => doc`SLACK_WEBHOOK_URL=https://hooks.slack.com/services/${S('SLACK_TOKEN', SEC.slackHookPath(), { sub: 'webhook' })}`,
    () => doc`SLACK_BOT_TOKEN=${S('SLACK_TOKEN', SEC.slackBot())}`,
    () => doc`SLACK_APP_TOKEN=${S('SLACK_TOKEN', SEC.slackApp())}`,
    () => doc`GITHUB_TOKEN=${S('GITHUB_TOKEN', pick([SEC.ghp, SEC.ghpat, SEC.gho])())}`,
    () => doc`GOOGLE_API_KEY=${S('GOOGLE_API_KEY', SEC.google())}`,
    () => doc`AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=${pick(['acmeprod', 'stdata01', 'logsstore'])};AccountKey=${W('azure-account-key', SEC.azureKey())};EndpointSuffix=core.windows.net"`,
    () => doc`AZURE_OPENAI_KEY=${W('azure-openai-key', chars(HEX, 32))}`,
    () => doc`SENTRY_DSN=https://${W('sentry-dsn-key', SEC.sentryKey())}@o${digits(6)}.ingest.sentry.io/${digits(7)}`,
    () => doc`DD_API_KEY=${SK('datadog', SEC.datadog())}`,
    () => doc`GROQ_API_KEY=${SK('groq', SEC.groq())}`,
    () => doc`REPLICATE_API_TOKEN=${SK('replicate', SEC.replicate())}`,
    () => doc`DEEPSEEK_API_KEY=${W('deepseek-key', SEC.deepseek(), { ctx: 'sensitive-assignment' })}`,
    () => doc`MISTRAL_API_KEY=${SK('mistral', SEC.mistral())}`,
    () => doc`VAULT_TOKEN=${SK('vault', SEC.vault())}`,
    () => doc`TELEGRAM_BOT=${W('telegram-bot-token', SEC.telegram())}`,
    () => doc`DISCORD_WEBHOOK=https://discord.com/api/webhooks/${W('discord-webhook', SEC.discordHook())}`,
    () => doc`SECRET_KEY_BASE=${SK('rails', chars(HEX, 128))}`,
    () => doc`DJANGO_SECRET_KEY='${SK('django', chars(LOW + DIG + '!@#$%^&*(-_=+)', 50).replace(/'/g, ''))}'`,
    () => doc`JWT_SECRET=${SK('opaque', chars(ALNUM, 48))}`,
    () => doc`DB_PASSWORD=${S('SECRET', SEC.password())}`,
    () => doc`POSTGRES_PASSWORD="${S('SECRET', SEC.password())}"`,
    () => doc`SMTP_USER=${E(p)}\nSMTP_PASS=${S('SECRET', SEC.password())}`,
    () => doc`ADMIN_EMAIL=${E(p)}`,
    () => doc`SUPPORT_PHONE="${P(pick(IN_SCOPE), ['intl', 'nat'])}"`,
  ];
  const neutral = [`NODE_ENV=production`, `PORT=${pick([3000, 8080, 5000, 8000])}`, `LOG_LEVEL=${pick(['info', 'debug', 'warn'])}`, `APP_VERSION=${NEG.semver()}`, `TZ=Europe/Berlin`, `FEATURE_FLAGS=new_checkout,dark_mode`, `MAX_TOKENS=${pick([1024, 4096, 8192])}`, `WORKERS=${ri(1, 16)}`, `S3_BUCKET=acme-${pick(['prod', 'staging'])}-uploads`, `AWS_REGION=${pick(['us-east-1', 'eu-west-1', 'ap-northeast-1'])}`, `CACHE_TTL_SECONDS=${ri(60, 86400)}`, `BUILD_SHA=${NEG.sha1()}`];
  const lines = [...shuffle(pool).slice(0, ri(2, 6)).map((f) => f()), ...shuffle(neutral).slice(0, ri(2, 5))];
  return shuffle(lines);
}
export function envFile() {
  return doc`${pick(['# .env', '# .env.production', '$ cat .env.local', 'Contents of /app/.env:'])}\n${join(envLines())}`;
}

export function composeYaml() {
  const pw = SEC.password().replace(/[:#'"{}]/g, '');
  return pick([
    () => doc`services:
  db:
    image: postgres:16.2@${NEG.digest()}
    environment:
      POSTGRES_USER: app
      POSTGRES_PASSWORD: ${S('SECRET', pw)}
      POSTGRES_DB: app
    ports:
      - "5432:5432"
  api:
    image: ghcr.io/acme/api:${NEG.semver()}
    environment:
      - DATABASE_URL=postgresql://${S('URL_CREDENTIALS', `app:${pw}`)}@db:5432/app
      - OPENAI_API_KEY=${S('OPENAI_KEY', SEC.openaiProj())}
      - HF_HOME=/cache/hf
    deploy:
      resources:
        limits: { cpus: "0.50", memory: 512M }`,
    () => doc`apiVersion: v1
kind: Secret
metadata:
  name: ${pick(['db-credentials', 'api-keys', 'app-secrets'])}
  namespace: ${pick(['prod', 'default', 'payments'])}
type: Opaque
data:
  username: ${IG(Buffer.from('admin').toString('base64'), 'base64 username')}
  password: ${S('SECRET', Buffer.from(pw).toString('base64'), { sub: 'k8s-base64' })}
stringData:
  api-token: ${S('SECRET', SEC.opaque(40))}
  stripe-key: ${S('STRIPE_KEY', SEC.stripeLive())}`,
    () => doc`apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{"revision":"${ri(1, 99)}"}'
spec:
  replicas: ${ri(1, 6)}
  template:
    spec:
      containers:
        - name: worker
          image: ${ri(100000000000, 999999999999)}.dkr.ecr.us-east-1.amazonaws.com/worker@${NEG.digest()}
          env:
            - name: DB_HOST
              value: "${IP4()}"
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: { name: db-credentials, key: password }
            - name: SENDGRID_KEY
              value: "${W('k8s-env-value', SEC.sendgrid(), { type: 'sendgrid' })}"
            - name: HUGGING_FACE_HUB_TOKEN
              value: "${W('k8s-env-value', SEC.hf(), { type: 'huggingface' })}"
          resources:
            requests: { cpu: 250m, memory: 256Mi }`,
    () => doc`apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  SMTP_HOST: smtp.sendgrid.net
  SMTP_USERNAME: apikey
  SMTP_PASSWORD: ${SK('sendgrid', SEC.sendgrid())}
  ALERT_EMAIL: ${E()}
  ALERT_SMS: "${P(pick(IN_SCOPE), ['e164'])}"
  NPMRC: |
    //registry.npmjs.org/:_authToken=${SK('npm', SEC.npm())}
    always-auth=true`,
  ])();
}

export function terraform() {
  return pick([
    () => doc`provider "aws" {
  region     = "${pick(['us-east-1', 'eu-central-1'])}"
  access_key = "${S('AWS_ACCESS_KEY', SEC.awsId())}"
  secret_key = "${SK('aws-secret', SEC.awsSecret())}"
}

resource "aws_db_instance" "main" {
  identifier        = "prod-db"
  engine_version    = "15.4"
  instance_class    = "db.t3.medium"
  allocated_storage = 100
  username          = "dbadmin"
  password          = "${S('SECRET', SEC.password().replace(/["\\]/g, ''))}"
  vpc_security_group_ids = ["sg-${chars(HEX, 17)}"]
}`,
    () => doc`# terraform.tfstate (excerpt)
{
  "version": 4,
  "terraform_version": "1.${ri(3, 8)}.${ri(0, 5)}",
  "serial": ${ri(1, 400)},
  "lineage": "${NEG.uuid()}",
  "resources": [{
    "type": "aws_instance",
    "instances": [{ "attributes": { "ami": "ami-${chars(HEX, 17)}", "private_ip": "${S('IP', ipv4Private())}", "public_ip": "${S('IP', ipv4Public())}", "ipv6_addresses": ["${S('IP', ipv6())}"], "arn": "arn:aws:ec2:us-east-1:${digits(12)}:instance/i-${chars(HEX, 17)}" } }]
  }, {
    "type": "aws_iam_access_key",
    "instances": [{ "attributes": { "id": "${S('AWS_ACCESS_KEY', SEC.awsId())}", "secret": "${SK('aws-secret', SEC.awsSecret())}", "ses_smtp_password_v4": "${SK('aws-ses', chars(B64, 44))}" } }]
  }]
}`,
    () => doc`variable "db_password" {
  type      = string
  sensitive = true
  default   = "${W('tf-variable-default', SEC.password().replace(/["\\]/g, ''))}"
}

provider "google" {
  credentials = file("${pick(['sa-key.json', 'creds/gcp.json'])}")
  project     = "acme-${pick(['prod', 'ml'])}-${digits(6)}"
}

resource "azurerm_storage_account" "logs" {
  name                     = "acmelogs${digits(4)}"
  account_tier             = "Standard"
  primary_access_key       = "${SK('azure-account-key', SEC.azureKey())}"
}`,
    () => doc`module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "${NEG.semver()}"
  cidr    = "${IG('10.' + ri(0, 255) + '.0.0/16', 'CIDR network')}"
  azs     = ["us-east-1a", "us-east-1b"]
  public_subnets = ["${IG('10.0.' + ri(1, 9) + '.0/24', 'CIDR')}"]
}
resource "cloudflare_record" "api" {
  zone_id = "${NEG.md5()}"
  name    = "api"
  value   = "${S('IP', ipv4Public())}"
  ttl     = 3600
}
provider "cloudflare" { api_token = "${SK('cloudflare', SEC.cloudflare())}" }`,
  ])();
}

export function ghaLog() {
  const ts = () => `${date()}T${time()}.${digits(7)}Z`;
  const p = person();
  const body = pick([
    () => doc`${ts()} ##[group]Run actions/checkout@v4
${ts()} with:
${ts()}   repository: acme/${pick(['web', 'api', 'infra'])}
${ts()}   token: ***
${ts()} ##[endgroup]
${ts()} Syncing repository: acme/api
${ts()} HEAD is now at ${NEG.short()} Merge pull request #${ri(100, 9999)} from acme/feature/${pick(['billing', 'auth'])}
${ts()} [command]/usr/bin/git log -1 --format=%H
${ts()} ${NEG.sha1()}`,
    () => doc`${ts()} ##[group]Run npm publish
${ts()} npm publish --access public
${ts()} shell: /usr/bin/bash -e {0}
${ts()} env:
${ts()}   NODE_AUTH_TOKEN: ${SK('npm', SEC.npm())}
${ts()}   NPM_CONFIG_USERCONFIG: /home/runner/work/_temp/.npmrc
${ts()} ##[endgroup]
${ts()} npm notice 📦  @acme/sdk@${NEG.semver()}
${ts()} npm notice shasum: ${NEG.sha1()}
${ts()} npm notice integrity: sha512-${chars(B64, 86)}==`,
    () => doc`${ts()} Run docker login ghcr.io -u ${p.first.toLowerCase()} -p ${W('docker-login-password', SEC.ghp())}
${ts()} WARNING! Using --password via the CLI is insecure. Use --password-stdin.
${ts()} Login Succeeded
${ts()} #8 pushing layers ${ri(1, 9)}.${ri(0, 9)}s done
${ts()} #8 writing image ${NEG.digest()} done
${ts()} #8 naming to ghcr.io/acme/api:${NEG.semver()} done`,
    () => doc`${ts()} Current runner version: '2.${ri(300, 320)}.${ri(0, 3)}'
${ts()} Runner name: 'GitHub Actions ${ri(1, 999)}'
${ts()} Machine name: 'fv-az${ri(100, 999)}-${ri(100, 999)}'
${ts()} ##[group]Operating System
${ts()} Ubuntu 22.04.4 LTS
${ts()} ##[endgroup]
${ts()} Secret source: Actions
${ts()} Prepare workflow directory
${ts()} Download action repository 'actions/setup-node@v4' (SHA:${NEG.sha1()})
${ts()} Job is running on ${S('IP', ipv4Public())}
${ts()} Complete job name: test (${pick(['18.x', '20.x', '22.x'])})`,
    () => doc`${ts()} Run python scripts/deploy.py --env prod
${ts()} Deploying build ${ri(1000, 99999)} (commit ${NEG.short()}) to ${pick(['eu-west-1', 'us-east-2'])}
${ts()} Using AWS key ${S('AWS_ACCESS_KEY', SEC.awsId())}
${ts()} Notifying ${E(p)} and on-call ${P(pick(['US', 'GB', 'DE', 'IN']), ['intl', 'e164'])}
${ts()} Uploaded 1,${digits(3)} files (${ri(10, 900)}.${ri(0, 9)} MB) in ${ri(2, 90)}s
${ts()} ##[error]Process completed with exit code ${pick([1, 2, 137])}.`,
    () => doc`${ts()} Run echo "//npm.pkg.github.com/:_authToken=\${{ secrets.GITHUB_TOKEN }}" >> .npmrc
${ts()} Run huggingface-cli login --token ${W('huggingface-token', SEC.hf())}
${ts()} Token is valid (permission: write).
${ts()} Your token has been saved to /home/runner/.cache/huggingface/token
${ts()} Run twine upload dist/* -u __token__ -p ${W('pypi-token', SEC.pypi())}`,
  ])();
  return body;
}

export function stackTrace() {
  const p = person();
  return pick([
    () => doc`Traceback (most recent call last):
  File "/app/worker/tasks.py", line ${ri(10, 900)}, in sync_customer
    conn = psycopg2.connect(dsn)
  File "/usr/local/lib/python3.11/site-packages/psycopg2/__init__.py", line 122, in connect
    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)
psycopg2.OperationalError: connection to server at "${IP4()}", port 5432 failed: FATAL:  password authentication failed for user "app"
  dsn = 'host=db.internal port=5432 user=app password=${S('SECRET', SEC.password().replace(/['\s]/g, ''))} dbname=prod sslmode=require'`,
    () => doc`sqlalchemy.exc.OperationalError: (pymysql.err.OperationalError) (1045, "Access denied for user 'root'@'${S('IP', ipv4Private())}' (using password: YES)")
(Background on this error at: https://sqlalche.me/e/20/e3q8)
[SQL: SELECT users.id, users.email FROM users WHERE users.email = %(email_1)s]
[parameters: {'email_1': '${E(p)}'}]
engine url: mysql+pymysql://${S('URL_CREDENTIALS', `root:${chars(ALNUM, 14)}`)}@${S('IP', ipv4Private())}:3306/shop`,
    () => doc`Error: connect ECONNREFUSED ${S('IP', ipv4Private())}:6379
    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1595:16) {
  errno: -111,
  code: 'ECONNREFUSED',
  syscall: 'connect',
  address: '${IP4()}',
  port: 6379
}
Node.js v20.${ri(5, 18)}.${ri(0, 3)}`,
    () => doc`Exception in thread "main" org.springframework.web.client.HttpClientErrorException$Unauthorized: 401 Unauthorized: "{"error":"invalid_token","error_description":"Token expired"}"
	at org.springframework.web.client.HttpClientErrorException.create(HttpClientErrorException.java:106)
	at com.acme.billing.StripeClient.charge(StripeClient.java:${ri(20, 400)})
	at com.acme.billing.CheckoutService.pay(CheckoutService.java:${ri(20, 400)})
Caused by: request headers {Authorization=[Bearer ${S('BEARER_TOKEN', SEC.opaque(40), { sub: 'opaque' })}], X-Customer-Email=[${E(p)}]}
	... ${ri(5, 40)} more`,
    () => doc`TypeError: Cannot read properties of undefined (reading 'email')
    at formatCustomer (/srv/app/dist/format.js:${ri(10, 300)}:${ri(5, 60)})
    at /srv/app/dist/routes/customers.js:${ri(10, 300)}:${ri(5, 60)}
    at Layer.handle [as handle_request] (/srv/app/node_modules/express/lib/router/layer.js:95:5)
  input: { id: 'cus_${chars(ALNUM, 14)}', phone: '${P(pick(IN_SCOPE), ['nat', 'intl'])}', card: '${CARD(' ')}' }`,
    () => doc`openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: ${IG('sk-proj-' + chars(ALNUM, 4) + '*'.repeat(ri(10, 40)) + chars(ALNUM, 4), 'key already masked by the vendor')}. You can find your API key at https://platform.openai.com/account/api-keys.', 'type': 'invalid_request_error', 'code': 'invalid_api_key'}}
  File "/home/${p.first.toLowerCase()}/agent/llm.py", line ${ri(10, 200)}, in call
    client = OpenAI(api_key="${S('OPENAI_KEY', SEC.openaiProj())}")`,
    () => doc`anthropic.BadRequestError: Error code: 400 - {'type': 'error', 'error': {'type': 'invalid_request_error', 'message': 'max_tokens: 200000 > 8192, which is the maximum allowed'}}
  client = anthropic.Anthropic(api_key='${S('ANTHROPIC_KEY', SEC.anthropic())}')
  request_id=req_${chars(ALNUM, 24)}`,
    () => doc`java.sql.SQLException: Cannot create PoolableConnectionFactory (Login failed for user 'sa'.)
	at org.apache.commons.dbcp2.BasicDataSource.createPoolableConnectionFactory(BasicDataSource.java:${ri(600, 700)})
url=jdbc:sqlserver://${S('IP', ipv4Private())}:1433;databaseName=erp;user=sa;password=${S('SECRET', SEC.password().replace(/[;\s]/g, ''))};encrypt=true`,
  ])();
}

export function sqlDoc() {
  const rows = []; const n = ri(1, 4);
  for (let i = 0; i < n; i++) {
    const p = person(pick(['en', 'de', 'fr', 'es', 'it']));
    rows.push(doc`(${ri(1, 99999)}, '${p.full.replace("'", "''")}', '${E(p)}', '${P(pick(IN_SCOPE), ['nat', 'intl', 'e164'])}', '${date()} ${time()}')`);
  }
  return pick([
    () => doc`INSERT INTO customers (id, full_name, email, phone, created_at) VALUES\n${join(rows, ',\n')};`,
    () => doc`INSERT INTO payments (id, customer_id, card_number, iban, amount_cents, currency) VALUES (${ri(1, 99999)}, ${ri(1, 99999)}, '${CARD('')}', '${IBAN(undefined, 'compact')}', ${ri(100, 999999)}, 'EUR');`,
    () => doc`UPDATE users SET ssn = '${SSN('dash')}', password_hash = '${IG('$2b$12$' + chars(ALNUM + './', 53), 'bcrypt hash')}', updated_at = NOW() WHERE id = ${ri(1, 99999)};`,
    () => { const p1 = person(), p2 = person('de'); return doc` id   | email                        | phone            | last_login_ip   | plan
------+------------------------------+------------------+-----------------+------
 ${ri(100, 9999)} | ${E(p1)} | ${P('US', ['nat', 'dash'])} | ${S('IP', ipv4Public())} | pro
 ${ri(100, 9999)} | ${E(p2)} | ${P('DE', ['nat', 'intl'])} | ${S('IP', ipv6())} | free
(2 rows)`; },
    () => doc`SELECT * FROM orders WHERE order_id = ${ri(100000000, 999999999)} AND created_at > '${date()}' LIMIT ${pick([10, 50, 100])};
-- returned 1 row: {"order_id": ${ri(100000000, 999999999)}, "total": "${ri(1, 9)},${digits(3)}.${digits(2)}", "tracking": "${NEG.ups()}", "ship_to_phone": "${P(pick(['US', 'GB', 'FR']), ['e164', 'intl'])}"}`,
  ])();
}

export function csvDoc() {
  const country = pick(['US', 'GB', 'DE', 'FR', 'NL', 'IT', 'IN', 'BR', 'ES']);
  const loc = { US: 'en', GB: 'en', DE: 'de', FR: 'fr', NL: 'en', IT: 'it', IN: 'hi', BR: 'pt', ES: 'es' }[country];
  const header = pick(['id,name,email,phone,country,iban,amount,created_at', 'customer_id;name;e-mail;telefon;land;iban;betrag;datum']);
  const sep = header.includes(';') ? ';' : ',';
  const rows = [];
  for (let i = 0, n = ri(2, 5); i < n; i++) {
    const p = person(loc);
    const amt = sep === ';' ? `"${ri(1, 99)}.${digits(3)},${digits(2)}"` : `"${ri(1, 99)},${digits(3)}.${digits(2)}"`;
    const ibanPart = ['DE', 'FR', 'NL', 'IT', 'ES', 'GB'].includes(country) ? IBAN(country, pick(['compact', 'group'])) : '';
    rows.push(doc`${ri(1000, 99999)}${sep}${p.full}${sep}${E(p)}${sep}${P(country, ['nat', 'intl', 'e164'])}${sep}${country}${sep}${ibanPart}${sep}${amt}${sep}${date()}`);
  }
  return doc`${header}\n${join(rows)}`;
}

export function usHr() {
  const rows = [];
  for (let i = 0, n = ri(1, 4); i < n; i++) { const p = person('en'); rows.push(doc`${ri(1000, 9999)},${p.first},${p.last},${SSN(pick(['dash', 'dash', 'compact']))},${date()},${ri(40, 180)}000`); }
  return pick([
    () => doc`employee_id,first_name,last_name,ssn,hire_date,salary\n${join(rows)}`,
    () => doc`{"employee": {"name": "${person().full}", "ssn": "${SSN(pick(['dash', 'compact']))}", "dob": "19${ri(50, 99)}-0${ri(1, 9)}-1${ri(0, 9)}", "email": "${E()}"}}`,
    () => doc`Form W-2 Wage and Tax Statement 2023\na Employee's social security number  ${SSN('dash')}\nb Employer identification number (EIN)  ${digits(2)}-${digits(7)}\n1 Wages, tips, other compensation  ${ri(30, 200)},${digits(3)}.${digits(2)}`,
    () => doc`Applicant: ${person().full}, SSN: ${SSN(pick(['compact', 'dash', 'space']))}, DOB 0${ri(1, 9)}/1${ri(0, 9)}/19${ri(50, 99)}, phone ${P('US', ['nat', 'dash'])}`,
  ])();
}

export function basicAuthLog() {
  const u = pick(['admin', 'svc_backup', 'grafana', 'jenkins', 'api-user', email()]);
  const b = S('BASIC_AUTH', basic(u, SEC.password()));
  return pick([
    () => doc`send: b'GET /api/health HTTP/1.1\\r\\nHost: ${host()}\\r\\nUser-Agent: python-requests/2.31.0\\r\\nAuthorization: Basic ${b}\\r\\n\\r\\n'`,
    () => doc`[debug] proxy CONNECT ${host()}:443 with header Proxy-Authorization: Basic ${b}`,
    () => doc`curl -H "Authorization: Basic ${b}" https://${host()}/metrics`,
    () => doc`{"headers": {"authorization": "Basic ${b}", "accept": "*/*"}, "url": "https://${host()}/v1/jobs"}`,
    () => doc`${S('IP', ipv4Public())} - ${u.split('@')[0]} [12/May/2024:${time()} +0000] "GET /admin HTTP/1.1" 401 0 "-" "${ua()}" auth="Basic ${b}"`,
  ])();
}

export { W, IG, SK, ua, host, date, time, iso };
