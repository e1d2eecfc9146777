// Families: developer logs (stack traces, access logs, k8s events, SQL), configs and CLI sessions,
// code review comments, tool calls (JSON strings, JSON inside JSON), and hard-negative-only documents.
import {
  B, T, E, IG, J, cat, join, R, ri, pick, chance, digits, nz, rand, hex, upper, uuid, pad, phone, phoneCompact, card, TEST_CARDS, fmtCard, cardNumber,
  iban, ibanCompact, ssn, badSsn, person, email, roleEmail, ipv4, ipv6, openaiKey, anthropicKey, awsKey, awsSecret, githubToken, slackToken, stripeKey,
  googleKey, vendorToken, jwt, jwtText, bearer, opaque, basic, privateKey, pem, password, secret, hexSecret, ean13, isbn13, amazonOrder, isoTs, epoch, epochMs,
  semver, price, mac, gitSha, sha256, DEFAULT_COUNTRIES, asJsonString, jesc, pyesc, b64u,
} from './lib.mjs';

const LOCS = DEFAULT_COUNTRIES;
const time = () => `${pad(ri(7, 19), 2)}:${pick(['00', '15', '30', '45'])}`;
const anyKey = () => pick([openaiKey, anthropicKey, awsKey, githubToken, slackToken, stripeKey, googleKey, vendorToken, jwt])();
const UA = () => pick([
  `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${ri(118, 126)}.0.0.0 Safari/537.36`,
  `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.${ri(0, 5)} Safari/605.1.15`,
  `Mozilla/5.0 (iPhone; CPU iPhone OS 17_${ri(0, 5)} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148`,
  `Mozilla/5.0 (X11; Linux x86_64; rv:${ri(115, 126)}.0) Gecko/20100101 Firefox/${ri(115, 126)}.0`,
  `curl/8.${ri(0, 7)}.${ri(0, 1)}`, `python-requests/2.${ri(28, 32)}.0`, `okhttp/4.${ri(9, 12)}.0`, `Go-http-client/1.1`, `kube-probe/1.${ri(26, 30)}`,
  `Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${ri(118, 126)}.0.${ri(6000, 6500)}.${ri(10, 200)} Mobile Safari/537.36`,
]);
const clf = () => { const d = new Date(Date.UTC(2024, ri(0, 11), ri(1, 28), ri(0, 23), ri(0, 59), ri(0, 59))); const m = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]; return `${pad(d.getUTCDate(), 2)}/${m}/${d.getUTCFullYear()}:${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)} +0000`; };
const path = () => pick(['/api/v1/orders', '/api/v2/customers', '/checkout', '/login', '/healthz', '/v1/chat/completions', '/graphql', '/static/js/main.4f9a2c.js', '/images/logo@2x.png', '/webhooks/stripe', '/api/v1/users/me']);

// ---------------------------------------------------------------- stack traces
export function stackTrace() {
  const kind = pick(['node', 'python', 'java', 'go', 'ruby']);
  const ip = ipv4(pick(['private', 'private', 'public']));
  const port = pick([5432, 3306, 6379, 27017, 9200, 443, 8080]);
  const em = email(pick(LOCS));
  let doc;
  if (kind === 'node') {
    doc = T`Error: connect ECONNREFUSED ${ip}:${port}
    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:${ri(1000, 1700)}:${ri(1, 30)})
    at async Pool.connect (/app/node_modules/pg-pool/index.js:${ri(40, 300)}:${ri(1, 40)})
    at async CustomerRepo.findByEmail (/app/src/repos/customer.ts:${ri(10, 400)}:${ri(1, 40)})
    at async /app/src/routes/support.ts:${ri(10, 400)}:${ri(1, 40)} {
  errno: -111,
  code: 'ECONNREFUSED',
  syscall: 'connect',
  address: '${ip.text}',
  port: ${port},
  context: { email: '${em.text}', requestId: '${uuid()}' }
}`;
    // the literal copies above are entities too
    doc = relabel(doc, [ip, em]);
  } else if (kind === 'python') {
    const pw = password('strong');
    doc = T`Traceback (most recent call last):
  File "/usr/local/lib/python3.${ri(9, 12)}/site-packages/sqlalchemy/engine/base.py", line ${ri(100, 3000)}, in _execute_context
    self.dialect.do_execute(
  File "/srv/app/billing/tasks.py", line ${ri(10, 500)}, in charge_customer
    customer = lookup(email=${pick(["'", '"'])}${em}${pick(["'", '"'])}, phone=${"'"}${phone(pick(LOCS), { noFullwidth: true })}${"'"})
psycopg2.OperationalError: connection to server at "db.internal" (${ip}), port ${port} failed: FATAL:  password authentication failed for user "billing"
[SQL: SELECT * FROM invoices WHERE customer_id = %(id)s LIMIT %(n)s]
[parameters: {'id': ${nz(7)}, 'n': ${ri(1, 100)}}]
(Background on this error at: https://sqlalche.me/e/20/e3q8)`;
    if (chance(0.3)) doc = cat(doc, T`\nDEBUG dsn=postgresql://${E('URL_CREDENTIALS', 'billing:' + pw)}@db.internal:5432/billing`);
  } else if (kind === 'java') {
    doc = T`${isoTs()} ERROR [http-nio-8080-exec-${ri(1, 20)}] c.a.b.InvoiceService - charge failed for customer ${em}
java.sql.SQLException: Access denied for user 'root'@'${ip}' (using password: YES)
	at com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:${ri(100, 200)})
	at com.acme.billing.InvoiceService.charge(InvoiceService.java:${ri(50, 900)})
	at com.acme.billing.InvoiceController.post(InvoiceController.java:${ri(20, 300)})
	at java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1144)
	... ${ri(20, 90)} common frames omitted`;
  } else if (kind === 'go') {
    doc = T`panic: runtime error: invalid memory address or nil pointer dereference
[signal SIGSEGV: segmentation violation code=0x1 addr=0x${hex(2)} pc=0x${hex(7)}]

goroutine ${ri(1, 900)} [running]:
main.(*Server).handleWebhook(0xc000${hex(6)}, {0x${hex(7)}, 0xc000${hex(6)}}, 0xc000${hex(6)})
	/src/cmd/api/webhook.go:${ri(20, 400)} +0x${hex(3)}
net/http.HandlerFunc.ServeHTTP(...)
	/usr/local/go/src/net/http/server.go:2166
remote_addr=${ip}:${ri(30000, 65000)} user=${em}`;
  } else {
    doc = T`ActiveRecord::RecordInvalid: Validation failed: Phone ${phone(pick(['US', 'GB', 'AU']), { noFullwidth: true })} has already been taken
  app/models/contact.rb:${ri(10, 90)}:in \`block in <class:Contact>'
  app/controllers/contacts_controller.rb:${ri(10, 90)}:in \`create'
  actionpack (7.1.${ri(0, 3)}) lib/action_controller/metal/basic_implicit_render.rb:6:in \`send_action'
Started POST "/contacts" for ${ip} at ${isoTs(false)}
Parameters: {"contact"=>{"email"=>"${em.text}", "name"=>"[FILTERED]"}}`;
    doc = relabel(doc, [em]);
  }
  return { family: 'stacktrace', loc: 'dev', doc };
}
// Marks later literal copies of already placed entities (written with .text in a template).
function relabel(doc, ents) {
  const out = new B();
  for (const p of doc.parts) {
    if (p.kind) { out.parts.push(p); continue; }
    let s = p.text;
    for (;;) {
      let best = null;
      for (const e of ents) { const i = s.indexOf(e.text); if (i !== -1 && (best === null || i < best.i)) best = { i, e }; }
      if (!best) break;
      out.t(s.slice(0, best.i)); out.e({ ...best.e }); s = s.slice(best.i + best.e.text.length);
    }
    out.t(s);
  }
  return out;
}

// ---------------------------------------------------------------- access logs
export function accessLog() {
  const lines = [];
  const style = pick(['nginx', 'nginx', 'nginx', 'alb', 'json', 'json', 'apache-xff', 'apache-xff', 'alb', 'nginx', 'json', 'vpc']);
  if (style === 'vpc') lines.push(T`version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status`);
  for (let i = 0; i < ri(3, 7); i++) {
    const ip = chance(0.2) && style !== 'alb' ? ipv6() : ipv4(pick(['public', 'public', 'doc', 'private']));
    const st = pick([200, 200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 429, 500, 502, 503]);
    let q = '';
    const r = R();
    if (r < 0.12) q = cat('?email=', E('EMAIL', email(pick(LOCS)).text.replace('@', '%40')), '&page=', ri(1, 9));
    else if (r < 0.2) q = cat('?access_token=', E('SECRET', opaque()), '&v=', semver());
    else if (r < 0.26) q = cat('?key=', googleKey(), '&q=', pick(['berlin', 'pizza+near+me', 'hotel']));
    else if (r < 0.31) q = cat('?token=', jwt());
    else if (r < 0.35) { const ph = phone(pick(LOCS), { style: ['e164'] }); q = cat('?phone=', E('PHONE', ph.text.replace('+', '%2B'), { meta: ph.meta, note: 'URL-encoded +' }), '&country=', ph.meta.country); }
    else if (r < 0.45) q = `?page=${ri(1, 50)}&per_page=${pick([20, 50, 100])}&sort=-created_at&since=${epoch()}`;
    else if (r < 0.5) q = `?id=${nz(10)}&ts=${epochMs()}`;
    const p = cat(path(), r < 0.5 && chance(0.4) ? '/' + nz(ri(6, 10)) : '', q);
    const bytes = ri(0, 250000), rt = (R() * 3).toFixed(3);
    if (style === 'nginx') lines.push(T`${ip} - ${chance(0.1) ? 'admin' : '-'} [${clf()}] "${pick(['GET', 'POST', 'PUT', 'DELETE'])} ${p} HTTP/${pick(['1.1', '2.0'])}" ${st} ${bytes} "${pick(['-', 'https://shop.example.com/checkout', 'https://www.google.com/'])}" "${UA()}" rt=${rt} uct="${(R() / 10).toFixed(3)}" upstream=${ipv4('private')}:${pick([8080, 3000, 9000])}`);
    else if (style === 'alb') lines.push(T`${pick(['https', 'h2'])} ${isoTs()} app/prod-alb/${hex(16)} ${ip}:${ri(1024, 65535)} ${ipv4('private')}:${pick([80, 8080])} 0.00${ri(0, 9)} ${rt} 0.000 ${st} ${st} ${ri(100, 2000)} ${bytes} "${pick(['GET', 'POST'])} https://api.example.com:443${p} HTTP/1.1" "${UA()}" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:eu-west-1:${nz(12)}:targetgroup/api/${hex(16)} "Root=1-${hex(8)}-${hex(24)}"`);
    else if (style === 'json') lines.push(J({ ts: isoTs(), level: st >= 500 ? 'error' : 'info', msg: 'request completed', method: pick(['GET', 'POST']), path: p, status: st, duration_ms: +(R() * 900).toFixed(2), bytes, remote_ip: ip, user_agent: UA(), trace_id: hex(32), span_id: hex(16), user_id: nz(7) }));
    else if (style === 'vpc') { const st0 = Number(epoch()); lines.push(T`2 ${nz(12)} eni-${hex(17)} ${ip.meta.v === 6 ? ipv4('private') : ip} ${ipv4(pick(['private', 'public']))} ${ri(1024, 65535)} ${pick([22, 443, 80, 5432, 3389])} 6 ${ri(1, 90)} ${ri(40, 90000)} ${st0} ${st0 + 60} ${pick(['ACCEPT', 'REJECT'])} OK`); }
    else lines.push(T`${ipv4('private')} - - [${clf()}] "GET ${p} HTTP/1.1" ${st} ${bytes} "-" "${UA()}" "X-Forwarded-For: ${ip}, ${ipv4('private')}" ${ri(100, 90000)}us`);
  }
  return { family: 'accesslog', loc: 'dev', doc: join(lines, '\n') };
}

// ---------------------------------------------------------------- Kubernetes
export function k8s() {
  const app = pick(['api', 'worker', 'web', 'billing', 'gateway']);
  const pod = `${app}-${hex(9).slice(0, ri(8, 10))}-${rand(5, 'abcdefghijklmnopqrstuvwxyz0123456789')}`;
  const ns = pick(['prod', 'default', 'payments', 'staging']);
  const podIp = ipv4('private');
  const shape = pick(['events', 'describe', 'manifest', 'logs', 'events', 'manifest', 'logs', 'wide']);
  let doc;
  if (shape === 'events') {
    doc = T`LAST SEEN   TYPE      REASON              OBJECT                          MESSAGE
${ri(1, 59)}m         Warning   BackOff             pod/${pod}         Back-off restarting failed container ${app} in pod ${pod}_${ns}(${uuid()})
${ri(1, 59)}m         Normal    Pulled              pod/${pod}         Successfully pulled image "registry.acme.io/${app}:${semver()}" in ${(R() * 9).toFixed(3)}s (${(R() * 9).toFixed(3)}s including waiting). Image size: ${nz(9)} bytes.
${ri(1, 59)}m         Warning   Unhealthy           pod/${pod}         Readiness probe failed: Get "http://${podIp}:${pick([8080, 3000])}/healthz": dial tcp ${podIp.text}:${pick([8080, 3000])}: connect: connection refused
${ri(1, 59)}s         Normal    Scheduled           pod/${pod}         Successfully assigned ${ns}/${pod} to ip-10-0-${ri(0, 255)}-${ri(0, 255)}.eu-west-1.compute.internal
${ri(1, 59)}m         Warning   FailedMount         pod/${pod}         MountVolume.SetUp failed for volume "db-password" : secret "${app}-db-password" not found
${ri(1, 59)}m         Normal    SuccessfulCreate    replicaset/${pod.split('-').slice(0, 2).join('-')}   Created pod: ${pod}`;
    doc = relabel(doc, [podIp]);
  } else if (shape === 'describe') {
    doc = T`Name:             ${pod}
Namespace:        ${ns}
Node:             ip-10-0-${ri(0, 255)}-${ri(0, 255)}.ec2.internal/${ipv4('private')}
Start Time:       ${isoTs(false)}
Status:           Running
IP:               ${podIp}
Containers:
  ${app}:
    Image:          registry.acme.io/${app}:${semver()}
    Image ID:       registry.acme.io/${app}@sha256:${hex(64)}
    Port:           8080/TCP
    Limits:
      cpu:     500m
      memory:  512Mi
    Environment:
      NODE_ENV:          production
      DB_HOST:           ${ipv4('private')}
      DB_PASSWORD:       <set to the key 'password' in secret '${app}-db'>  Optional: false
      API_TOKEN:         <set to the key 'token' in secret '${app}-api'>  Optional: false
      SMTP_PASSWORD:     ${secret(password('mixed'))}
      SENTRY_DSN:        https://${E('URL_CREDENTIALS', hex(32))}@o${nz(6)}.ingest.sentry.io/${nz(7)}
Events:  <none>`;
  } else if (shape === 'manifest') {
    const pw = password();
    doc = T`apiVersion: v1
kind: Secret
metadata:
  name: ${app}-db
  namespace: ${ns}
type: Opaque
data:
  username: ${Buffer.from(app).toString('base64')}
  password: ${secret(Buffer.from(pw).toString('base64'))}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  annotations:
    nginx.ingress.kubernetes.io/auth-secret: basic-auth
    nginx.ingress.kubernetes.io/auth-type: basic
spec:
  replicas: ${ri(1, 6)}
  template:
    spec:
      containers:
        - name: ${app}
          image: registry.acme.io/${app}:${semver()}
          env:
            - name: DATABASE_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: ${app}-db
                  key: password
            - name: OPENAI_API_KEY
              value: ${chance(0.5) ? openaiKey() : cat('"', openaiKey(), '"')}
            - name: WEBHOOK_SIGNING_SECRET
              value: "${E('SECRET', hex(32), { scope: 'beyond', note: 'k8s name/value pair' })}"
            - name: LOG_LEVEL
              value: info
          ports:
            - containerPort: 8080`;
  } else if (shape === 'wide') {
    const rows = [T`NAME                                        STATUS   ROLES    AGE    VERSION                INTERNAL-IP     EXTERNAL-IP     OS-IMAGE`];
    for (let i = 0; i < ri(2, 4); i++) rows.push(T`ip-10-0-${ri(0, 255)}-${ri(0, 255)}.eu-west-1.compute.internal   Ready    <none>   ${ri(1, 90)}d    v1.${ri(27, 30)}.${ri(0, 9)}-eks-${hex(7)}   ${ipv4('private')}    ${chance(0.5) ? ipv4('public') : '<none>'}    Amazon Linux 2023`);
    rows.push(T`$ kubectl get pods -o wide
NAME                    READY   STATUS    RESTARTS   AGE   IP              NODE`);
    for (let i = 0; i < ri(2, 4); i++) rows.push(T`${app}-${hex(9)}-${rand(5, 'abcdefghijklmnopqrstuvwxyz')}   1/1     Running   ${ri(0, 5)}          ${ri(1, 59)}m   ${ipv4('private')}    ip-10-0-${ri(0, 255)}-${ri(0, 255)}.eu-west-1.compute.internal`);
    doc = join(rows, '\n');
  } else {
    doc = T`${pod} ${app} ${isoTs()} INFO  [main] Starting ${app} v${semver()} (pid ${ri(1, 40000)}) on ${podIp} with ${ri(1, 16)} workers
${pod} ${app} ${isoTs()} INFO  [db] connected to postgres://${E('URL_CREDENTIALS', `${app}:${password('mixed')}`)}@${ipv4('private')}:5432/${app}?sslmode=require
${pod} ${app} ${isoTs()} WARN  [auth] token: expired for user_id=${nz(7)}, refreshing
${pod} ${app} ${isoTs()} INFO  [http] GET /api/v1/orders/${nz(8)} 200 ${ri(1, 900)}ms
${pod} ${app} ${isoTs()} ERROR [mailer] SMTP 535 5.7.8 authentication failed for ${roleEmail()}`;
  }
  return { family: 'k8s', loc: 'dev', doc };
}

// ---------------------------------------------------------------- SQL
export function sql() {
  const loc = pick(LOCS);
  const p = person(loc);
  const shape = pick(['insert', 'select', 'update', 'user', 'explain', 'result']);
  let doc;
  if (shape === 'insert') doc = T`INSERT INTO customers (id, first_name, last_name, email, phone, ${loc === 'US' ? 'ssn, ' : ''}created_at) VALUES (${nz(6)}, '${p.first.replace("'", "''")}', '${p.last.replace("'", "''")}', '${email(loc, p)}', '${phone(loc, { noFullwidth: true })}', ${loc === 'US' ? cat("'", ssn('dash'), "', ") : ''}'${isoTs(false).replace('T', ' ').replace('Z', '')}');`;
  else if (shape === 'select') doc = T`SELECT id, email, total_cents FROM orders WHERE ${pick([cat("phone = '", phoneCompact(loc), "'"), cat("email = '", email(loc, p), "'"), cat("customer_phone LIKE '%", digits(4), "'")])} AND created_at >= '2024-0${ri(1, 9)}-01' ORDER BY id DESC LIMIT ${pick([10, 50, 100])} OFFSET ${ri(0, 5000)};
-- ${ri(1, 900)} rows, ${(R() * 90).toFixed(3)} ms`;
  else if (shape === 'update') doc = T`UPDATE accounts SET iban = '${E('IBAN', ibanCompact())}', updated_at = now() WHERE account_id = ${nz(10)} AND version = ${ri(1, 40)};`;
  else if (shape === 'user') doc = pick([
    T`CREATE USER ${pick(['app', 'report', 'etl'])} WITH PASSWORD '${E('SECRET', password(), { scope: 'beyond', note: 'SQL PASSWORD literal' })}';\nGRANT SELECT ON ALL TABLES IN SCHEMA public TO report;`,
    T`ALTER USER postgres PASSWORD '${E('SECRET', password(), { scope: 'beyond', note: 'SQL PASSWORD literal' })}';`,
    T`UPDATE users SET password = '${secret(password())}', reset_token = NULL WHERE email = '${email(loc, p)}';`,
    T`SELECT id FROM users WHERE email = '${email(loc, p)}' AND password_hash = crypt($1, password_hash);`,
  ]);
  else if (shape === 'explain') doc = T`EXPLAIN ANALYZE SELECT * FROM events WHERE tenant_id = ${nz(5)} AND ts > ${epochMs()};
 Index Scan using events_tenant_ts_idx on events  (cost=0.56..${ri(1000, 9999)}.${pad(ri(0, 99), 2)} rows=${ri(1000, 900000)} width=${ri(40, 200)}) (actual time=0.0${ri(10, 99)}..${ri(10, 999)}.${ri(100, 999)} rows=${ri(1000, 900000)} loops=1)
   Index Cond: ((tenant_id = ${nz(5)}) AND (ts > '${isoTs(false)}'::timestamp with time zone))
 Planning Time: 0.${ri(100, 999)} ms
 Execution Time: ${ri(10, 9999)}.${ri(100, 999)} ms`;
  else {
    const rows = [T` id     | email                          | phone              | balance\n--------+--------------------------------+--------------------+---------`];
    for (let i = 0; i < ri(2, 5); i++) { const c = pick(LOCS); rows.push(T` ${nz(6)} | ${email(c)} | ${phone(c, { noFullwidth: true })} | ${(ri(-9999, 999999) / 100).toFixed(2)}`); }
    rows.push(T`(${rows.length - 1} rows)`);
    doc = join(rows, '\n');
  }
  return { family: 'sql', loc: 'dev', doc };
}

// ---------------------------------------------------------------- configuration files
export function config() {
  const shape = pick(['env', 'env', 'compose', 'properties', 'tfvars', 'aws', 'npmrc', 'maven', 'kubeconfig', 'toml', 'gitconfig', 'dockerauth', 'actions']);
  const pw = () => secret(password());
  let doc;
  switch (shape) {
    case 'env': {
      const lines = [T`# generated ${isoTs(false)}`, T`NODE_ENV=production`, T`PORT=${pick([3000, 8080, 8443])}`];
      const opts = [
        () => T`DATABASE_URL=postgres://${E('URL_CREDENTIALS', `app_user:${password()}`)}@db.internal:5432/app`,
        () => T`REDIS_URL=redis://${E('URL_CREDENTIALS', `:${password('mixed')}`)}@cache:6379/0`,
        () => T`OPENAI_API_KEY=${openaiKey()}`, () => T`ANTHROPIC_API_KEY=${anthropicKey()}`, () => T`STRIPE_SECRET_KEY=${stripeKey()}`,
        () => T`SENDGRID_API_KEY=${E('SECRET', `SG.${b64u(22)}.${b64u(43)}`)}`, () => T`JWT_SECRET=${hexSecret()}`, () => T`SESSION_SECRET=${E('SECRET', rand(48))}`,
        () => T`SMTP_PASS=${pw()}`, () => T`AWS_ACCESS_KEY_ID=${awsKey()}\nAWS_SECRET_ACCESS_KEY=${E('SECRET', awsSecret())}`, () => T`SENTRY_DSN=https://${E('URL_CREDENTIALS', hex(32))}@o${nz(6)}.ingest.sentry.io/${nz(7)}`,
        () => T`SLACK_WEBHOOK_URL=https://${E('SLACK_TOKEN', `hooks.slack.com/services/T${upper(8)}/B${upper(10)}/${rand(24)}`)}`, () => T`GITHUB_TOKEN=${githubToken()}`, () => T`SLACK_BOT_TOKEN=${slackToken()}`, () => T`HF_TOKEN=${vendorToken()}`,
        () => T`GOOGLE_MAPS_KEY=${googleKey()}`, () => T`DB_PASSWORD=${pw()}`, () => T`ADMIN_EMAIL=${email(pick(LOCS), null, { corp: true })}`, () => T`SUPPORT_PHONE=${phone(pick(LOCS), { style: ['e164', 'intl'] })}`,
        () => T`TWILIO_AUTH_TOKEN=${hexSecret()}`, () => T`TWILIO_ACCOUNT_SID=AC${hex(32)}`, () => T`LOG_LEVEL=${pick(['info', 'debug', 'warn'])}`, () => T`MAX_TOKENS=${pick([1024, 4096])}`,
        () => T`RATE_LIMIT_PER_MIN=${ri(10, 600)}`, () => T`APP_VERSION=${semver()}`, () => T`FEATURE_FLAGS=checkout_v2,new_search`, () => T`DB_PASSWORD_FILE=/run/secrets/db_password`,
        () => T`MAILGUN_KEY=${E('SECRET', `key-${hex(32)}`, { scope: 'beyond', note: 'Mailgun key under a *_KEY name' })}`, () => T`ENCRYPTION_KEY=${E('SECRET', Buffer.from(rand(32)).toString('base64'))}`,
        () => T`DB_PASS="${E('SECRET', password('strong').replace(/"/g, ''))}"`, () => T`ADMIN_PASSWORD=${E('SECRET', rand(6) + '&' + rand(5) + ri(0, 9), { note: 'password containing &' })}`,
      ];
      for (let i = 0; i < ri(4, 9); i++) lines.push(pick(opts)());
      doc = join(lines, '\n');
      break;
    }
    case 'compose': doc = T`services:
  db:
    image: postgres:16.${ri(0, 4)}
    environment:
      POSTGRES_USER: app
      POSTGRES_PASSWORD: ${pw()}
      POSTGRES_DB: app
    ports:
      - "5432:5432"
  api:
    image: ghcr.io/acme/api:${semver()}
    environment:
      - DATABASE_URL=postgresql://${E('URL_CREDENTIALS', `app:${password('mixed')}`)}@db:5432/app
      - OPENAI_API_KEY=${openaiKey()}
      - TZ=Europe/Berlin
    ports:
      - "8080:8080"
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost:8080/healthz"]
      interval: 30s`; break;
    case 'properties': doc = T`spring.datasource.url=jdbc:mysql://${ipv4('private')}:3306/shop?useSSL=false&serverTimezone=UTC
spring.datasource.username=shop
spring.datasource.password=${pw()}
spring.mail.host=smtp.${pick(['gmail.com', 'office365.com'])}
spring.mail.username=${email(pick(LOCS), null, { corp: true })}
spring.mail.password=${pw()}
server.port=${pick([8080, 8443])}
management.endpoints.web.exposure.include=health,info
app.jwt.expiration-ms=${pick([3600000, 86400000])}`; break;
    case 'tfvars': doc = T`region         = "eu-west-1"
instance_type  = "t3.medium"
db_username    = "admin"
db_password    = "${pw()}"
cloudflare_api_token = "${E('SECRET', b64u(40))}"
datadog_api_key = "${hexSecret()}"
allowed_cidrs  = ["${IG(`${ipv4('public').text}/32`, 'CIDR')}", "${IG('10.0.0.0/16', 'CIDR')}"]
tags = { owner = "${email(pick(LOCS), null, { corp: true })}", cost_center = "${nz(4)}" }`; break;
    case 'aws': doc = T`[default]
aws_access_key_id = ${awsKey('AKIA')}
aws_secret_access_key = ${E('SECRET', awsSecret())}
region = ${pick(['us-east-1', 'eu-central-1', 'ap-northeast-1'])}

[profile ci]
aws_access_key_id=${awsKey('ASIA')}
aws_secret_access_key=${E('SECRET', awsSecret())}
aws_session_token=${E('SECRET', `IQoJb3JpZ2luX2VjE${b64u(200)}`)}
output=json`; break;
    case 'npmrc': doc = T`registry=https://registry.npmjs.org/
//registry.npmjs.org/:_authToken=${vendorToken()}
@acme:registry=https://npm.pkg.github.com
//npm.pkg.github.com/:_authToken=${githubToken()}
always-auth=true`; break;
    case 'maven': doc = T`<settings>
  <servers>
    <server>
      <id>nexus-releases</id>
      <username>deploy</username>
      <password>${E('SECRET', password(), { scope: 'beyond', note: 'XML element' })}</password>
    </server>
  </servers>
  <mirrors><mirror><id>central</id><url>https://nexus.acme.io/repository/maven-public/</url></mirror></mirrors>
</settings>`; break;
    case 'kubeconfig': doc = T`apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t${rand(60, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}
    server: https://${ipv4('public')}:6443
  name: prod
users:
- name: admin
  user:
    ${chance(0.5) ? T`token: ${jwt()}` : T`client-key-data: ${E('PRIVATE_KEY', 'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo' + rand(80, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'), { scope: 'beyond', note: 'base64 PEM in kubeconfig' })}`}`; break;
    case 'toml': doc = T`[database]
host = "${ipv4('private')}"
port = 5432
user = "app"
password = "${pw()}"
pool_size = ${ri(5, 50)}

[llm]
provider = "anthropic"
api_key = "${anthropicKey()}"
max_tokens = ${pick([1024, 4096])}
temperature = 0.${ri(0, 9)}`; break;
    case 'gitconfig': doc = T`[remote "origin"]
	url = https://${((t) => E(t.kind, `oauth2:${t.text}`, { note: 'URL credentials holding a vendor token' }))(vendorToken())}@gitlab.com/acme/platform.git
	fetch = +refs/heads/*:refs/remotes/origin/*
[user]
	name = ${person('GB').full}
	email = ${email('GB', null, { corp: true })}`; break;
    case 'dockerauth': doc = J({ auths: { 'ghcr.io': { auth: E('SECRET', Buffer.from(`deploy:${githubToken().text}`).toString('base64')) }, 'registry.acme.io': { auth: E('SECRET', Buffer.from(`ci:${password()}`).toString('base64')) } }, credsStore: 'desktop' }, { indent: 2 }); break;
    default: doc = T`name: deploy
on: { push: { branches: [main] } }
jobs:
  deploy:
    runs-on: ubuntu-22.04
    env:
      OPENAI_API_KEY: \${{ secrets.OPENAI_API_KEY }}
      NODE_VERSION: 20.${ri(10, 16)}.0
    steps:
      - uses: actions/checkout@v4
      - run: npm ci && npm test -- --coverage
      - run: curl -X POST -H "Authorization: Bearer \${{ secrets.DEPLOY_TOKEN }}" https://deploy.acme.io/hooks/${uuid()}`;
  }
  return { family: 'config', loc: 'dev', doc };
}

// ---------------------------------------------------------------- CLI sessions
export function cli() {
  const steps = [];
  const pool = [
    () => T`$ export OPENAI_API_KEY=${openaiKey()}\n$ curl -s https://api.openai.com/v1/models -H "Authorization: Bearer $OPENAI_API_KEY" | jq '.data | length'\n${ri(40, 120)}`,
    () => T`$ curl -u admin:${E('SECRET', password('mixed'))} http://${ipv4('private')}:9200/_cat/indices?v\nhealth status index        pri rep docs.count store.size\ngreen  open   orders-2024  ${ri(1, 5)}   1   ${nz(7)}    ${ri(1, 90)}.${ri(1, 9)}gb`,
    () => T`$ psql "postgresql://${E('URL_CREDENTIALS', `app:${password()}`)}@${ipv4('private')}:5432/app" -c "select count(*) from orders"\n count\n-------\n ${nz(6)}\n(1 row)`,
    () => T`$ mysql -h ${ipv4('private')} -u root -p${E('SECRET', password('mixed'), { scope: 'beyond', note: 'mysql -p<password>' })} shop -e "show tables"`,
    () => T`$ docker login -u deploy -p ${E('SECRET', password('mixed'), { scope: 'beyond', note: 'docker login -p' })} registry.acme.io\nWARNING! Using --password via the CLI is insecure. Use --password-stdin.\nLogin Succeeded`,
    () => T`$ git remote -v\norigin\thttps://${E('GITHUB_TOKEN', `x-access-token:${githubToken().text}`, { note: 'URL credentials holding a vendor token' })}@github.com/acme/api.git (fetch)`,
    () => T`$ env | sort\nHOME=/home/ubuntu\nHOSTNAME=${hex(12)}\nLANG=C.UTF-8\nOLDPWD=/home/ubuntu\nPATH=/usr/local/bin:/usr/bin:/bin\nPWD=/home/ubuntu/app\nGITHUB_TOKEN=${githubToken()}\nSHLVL=1`,
    () => T`$ aws sts get-caller-identity\n{\n    "UserId": "${IG('AIDA' + rand(17, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'), 'IAM unique id, not a key')}",\n    "Account": "${nz(12)}",\n    "Arn": "arn:aws:iam::${nz(12)}:user/deploy"\n}`,
    () => T`$ redis-cli -h ${ipv4('private')} -a ${E('SECRET', password('mixed'), { scope: 'beyond', note: 'redis-cli -a' })} PING\nWarning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\nPONG`,
    () => T`$ sshpass -p '${E('SECRET', password(), { scope: 'beyond', note: 'sshpass -p' })}' ssh deploy@${ipv4('public')} uptime\n ${time()}:${pad(ri(0, 59), 2)} up ${ri(1, 300)} days,  load average: 0.${ri(10, 99)}, 0.${ri(10, 99)}, 0.${ri(10, 99)}`,
    () => T`$ wget --user=admin --password=${secret(password('mixed'))} https://files.acme.io/backup-${isoTs(false).slice(0, 10)}.tar.gz\nSaving to: 'backup.tar.gz'  ${ri(10, 900)}M  ${ri(1, 90)}.${ri(1, 9)}MB/s in ${ri(1, 60)}s`,
    () => T`$ kubectl create secret generic db --from-literal=username=app --from-literal=password=${secret(password('mixed'))}\nsecret/db created`,
    () => T`$ kubectl get secret db -o jsonpath='{.data.password}' | base64 -d\n${E('SECRET', password(), { scope: 'beyond', note: 'command output' })}`,
    () => T`$ cat ~/.ssh/id_ed25519\n${privateKey('OPENSSH ')}`,
    () => T`$ heroku config:set STRIPE_SECRET_KEY=${stripeKey()} -a acme-prod\nSetting STRIPE_SECRET_KEY and restarting ⬢ acme-prod... done, v${ri(10, 400)}`,
    () => T`$ npm whoami --registry https://registry.npmjs.org\nacme-bot\n$ npm publish --otp=${IG(digits(6), 'OTP')}\n+ @acme/sdk@${semver()}`,
    () => T`$ ping -c 2 api.acme.io\nPING api.acme.io (${ipv4('public')}) 56(84) bytes of data.\n64 bytes: icmp_seq=1 ttl=${ri(40, 64)} time=${ri(1, 90)}.${ri(0, 9)} ms\n--- api.acme.io ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss, time ${ri(1000, 1100)}ms`,
    () => T`$ ip addr show eth0\n2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP\n    link/ether ${mac().toLowerCase()} brd ff:ff:ff:ff:ff:ff\n    inet ${ipv4('private')}/24 brd ${IG('10.0.1.255', 'broadcast address')} scope global eth0\n    inet6 ${ipv6()}/64 scope link`,
    () => T`$ pip freeze | head -4\nboto3==1.34.${ri(10, 99)}\nnumpy==1.26.4\npywin32==306\nurllib3==2.2.1`,
    () => T`$ gh auth status\ngithub.com\n  ✓ Logged in to github.com account acme-bot (keyring)\n  - Token: gho_************************************\n  - Token scopes: 'gist', 'read:org', 'repo'`,
    () => T`$ stripe listen --forward-to localhost:4242/webhook\n> Ready! Your webhook signing secret is ${E('STRIPE_KEY', 'whsec_' + rand(32))} (^C to quit)`,
    () => T`$ openssl s_client -connect ${ipv4('public')}:443 -servername api.acme.io </dev/null 2>/dev/null | head -3\nCONNECTED(00000003)\ndepth=2 C = US, O = Internet Security Research Group, CN = ISRG Root X1\nverify return:1`,
  ];
  for (let i = 0; i < ri(2, 4); i++) { const s = pick(pool)(); if (s) steps.push(s); }
  const doc = join(steps, '\n');
  // shell prompts such as ubuntu@ip-172-31-5-10:~/app$ (user@host, no email)
  if (chance(0.4)) { const prompt = `${pick(['ubuntu', 'ec2-user', 'root', 'deploy'])}@ip-${ri(10, 172)}-${ri(0, 31)}-${ri(0, 255)}-${ri(1, 254)}:~/app$ `; for (const p of doc.parts) if (!p.kind) p.text = p.text.replace(/(^|\n)\$ /g, `$1${prompt}`); }
  return { family: 'cli', loc: 'dev', doc };
}

// ---------------------------------------------------------------- code review comments
export function codeReview() {
  const file = pick(['src/config.ts', 'app/settings.py', 'services/billing/client.go', 'lib/notify.rb', 'scripts/seed.js', 'tests/fixtures/users.json', 'infra/main.tf']);
  const line = ri(5, 900);
  const pool = [
    () => T`**${file}:${line}** — please don't commit this: \`const OPENAI_KEY = "${openaiKey()}"\`. Load it from the environment (see #${ri(100, 9999)}).`,
    () => T`nit (L${line}-L${line + ri(2, 30)}): this logs the whole customer object, incl. \`email\` (${email(pick(LOCS))}) and \`phone\` (${phone(pick(LOCS), { noFullwidth: true })}). Use the redactor before \`logger.info\`.`,
    () => T`\`${file}\` line ${line} has a real-looking SSN \`${ssn('dash')}\`; replace it with \`000-00-0000\` or \`${IG('123-45-6789', 'well-known example SSN')}\`-style fakes from the faker fixture.`,
    () => T`Approved with comments. Coverage ${ri(60, 99)}.${ri(0, 9)}% (+${ri(0, 5)}.${ri(0, 9)}%), bundle ${ri(100, 900)}.${ri(0, 9)} kB → ${ri(100, 900)}.${ri(0, 9)} kB, p95 latency ${ri(20, 900)} ms (was ${ri(20, 900)} ms). Build #${ri(1000, 99999)} green on Node 20.${ri(10, 16)}.0.`,
    () => T`\`\`\`suggestion\n-    password = "${secret(password())}"\n+    password = os.environ["DB_PASSWORD"]\n\`\`\`\nAlso rotate it, it has been in git since ${gitSha(7)}.`,
    () => T`The test card \`${E('CARD', fmtCard(pick(TEST_CARDS), pick(['space', 'compact'])))}\` belongs in the fixture file, not inline (${file}:${line}).`,
    () => T`Heads-up: the AWS key \`${awsKey()}\` in ${file}:${line} is live (last used ${isoTs(false)} from ${ipv4('public')}). I've disabled it; please rotate.`,
    () => T`Why \`timeout = 4155552671\`? That's ~48 days in ms. Did you mean 415555 ms? Also \`retries: 3\`, \`port: 8443\`, \`version: 1.2.3.4\`.`,
    () => T`For the webhook we should verify the \`Stripe-Signature\` with ${stripeKey()} — but read it from Vault, not from \`${file}\`.`,
    () => T`Docs example uses \`Authorization: Bearer YOUR_ACCESS_TOKEN\` and \`sk-...\`; fine. But line ${line} has a real one: \`Authorization: Bearer ${bearer()}\`.`,
    () => T`The hotel fixture has a real phone number (${phone(pick(LOCS), { noFullwidth: true })}); please swap it for one in the Ofcom drama range.`,
    () => T`\`${IG('git@github.com', 'SSH user@host')}:acme/api.git\` should be the HTTPS remote; and \`${IG('AKIAIOSFODNN7EXAMPLE', 'AWS documentation example key')}\` in the README is the documented example key, that one's fine.`,
  ];
  const parts = [];
  for (let i = 0; i < ri(1, 3); i++) parts.push(pick(pool)());
  return { family: 'review', loc: 'dev', doc: join(parts, '\n\n') };
}

// ---------------------------------------------------------------- tool calls (JSON strings, JSON in JSON)
function toolArgs(loc) {
  const p = person(loc);
  return pick([
    () => ({ name: 'send_sms', args: { to: phone(loc, { style: ['e164'] }), body: `Your verification code is ${digits(6)}. It expires in 10 minutes.` } }),
    () => ({ name: 'lookup_customer', args: { email: email(loc, p), include: ['orders', 'tickets'], limit: ri(5, 50) } }),
    () => ({ name: 'create_ticket', args: { subject: `Refund for order ${amazonOrder(loc)}`, requester: { name: p.full, email: email(loc, p), phone: phone(loc, { noFullwidth: true }) }, priority: 'high', tags: ['refund', 'vip'] } }),
    () => ({ name: 'charge_card', args: { amount_cents: ri(100, 99999), currency: 'EUR', card_number: card(pick(['compact', 'space'])), exp: `${pad(ri(1, 12), 2)}/${ri(26, 31)}`, cvc: IG(digits(3), 'cvc') } }),
    () => ({ name: 'sepa_transfer', args: { creditor_iban: iban(pick(['compact', 'groups'])), amount: (ri(100, 900000) / 100).toFixed(2), reference: `INV-${nz(6)}`, execution_date: isoTs(false).slice(0, 10) } }),
    () => ({ name: 'run_sql', args: { query: cat("SELECT * FROM users WHERE phone = '", phone(loc, { noFullwidth: true }), "' LIMIT 5") } }),
    () => ({ name: 'http_request', args: { method: 'GET', url: 'https://api.github.com/repos/acme/api/issues?state=open', headers: { Authorization: cat('token ', githubToken()), Accept: 'application/vnd.github+json' } } }),
    () => ({ name: 'http_request', args: { method: 'POST', url: 'https://slack.com/api/chat.postMessage', headers: { Authorization: cat('Bearer ', slackToken()) }, body: { channel: `C0${upper(9)}`, text: `Deploy ${semver()} finished in ${ri(1, 900)}s` } } }),
    () => ({ name: 'http_request', args: { method: 'POST', url: 'https://api.anthropic.com/v1/messages', headers: { 'x-api-key': anthropicKey(), 'anthropic-version': '2023-06-01' }, body: { model: 'claude-3-5-sonnet-20240620', max_tokens: 1024 } } }),
    () => ({ name: 'update_employee', args: { employee_id: `E${nz(6)}`, ssn: ssn('dash'), salary: ri(40, 200) * 1000, dob: `19${ri(60, 99)}-0${ri(1, 9)}-1${ri(0, 9)}` } }),
    () => ({ name: 'book_hotel', args: { hotel_id: nz(7), check_in: '2024-06-14', nights: ri(1, 7), guest: { name: p.full, phone: phone(loc, { noFullwidth: true }), email: email(loc, p) }, loyalty_number: nz(10) } }),
    () => ({ name: 'whatsapp_send', args: { wa_id: ((e) => { e.scope = 'beyond'; e.note = 'wa_id without +'; return e; })(phoneCompact(loc, true)), template: 'order_update', params: [amazonOrder(loc), price(loc)] } }),
  ])();
}
export function toolCall() {
  const loc = pick(LOCS);
  const { name, args } = toolArgs(loc);
  const argStr = J(args);
  const shape = pick(['args', 'openai', 'openai', 'anthropic', 'result', 'result-py', 'deep', 'mcp']);
  let doc;
  if (shape === 'args') doc = argStr; // the arguments string the model produced
  else if (shape === 'openai') doc = J({ id: `chatcmpl-${rand(29)}`, object: 'chat.completion', created: Number(epoch()), model: pick(['gpt-4o-2024-08-06', 'gpt-4o-mini', 'gpt-4.1']), choices: [{ index: 0, message: { role: 'assistant', content: null, tool_calls: [{ id: `call_${rand(24)}`, type: 'function', function: { name, arguments: argStr } }] }, finish_reason: 'tool_calls' }], usage: { prompt_tokens: ri(100, 9000), completion_tokens: ri(10, 900), total_tokens: ri(200, 9900) }, system_fingerprint: `fp_${hex(10)}` });
  else if (shape === 'anthropic') doc = J({ id: `msg_01${rand(22)}`, type: 'message', role: 'assistant', model: 'claude-3-5-sonnet-20241022', content: [{ type: 'text', text: 'Let me look that up.' }, { type: 'tool_use', id: `toolu_01${rand(22)}`, name, input: args }], stop_reason: 'tool_use', usage: { input_tokens: ri(100, 9000), output_tokens: ri(10, 900) } });
  else if (shape === 'result' || shape === 'result-py') {
    const py = shape === 'result-py';
    const p = person(loc);
    const res = { ok: true, customer: { id: nz(8), name: p.full, email: email(loc, p, { idn: true }), phone: phone(loc), address: { city: pick(['München', 'Lyon', 'São Paulo', '東京', 'Milano', 'Zürich']), zip: digits(5) }, note: pick(['Client prefère être appelé le matin', 'Rückruf erbeten', 'Cliente VIP — não ligar após 18h', '折り返し希望', 'Pay by IBAN']) }, orders: [{ id: amazonOrder(loc), total: price(loc), placed: isoTs() }], fetched_at: isoTs() };
    doc = J({ role: 'tool', tool_call_id: `call_${rand(24)}`, name, content: J(res, { py }) });
  } else if (shape === 'deep') {
    // an HTTP log of the request body: messages whose tool result content holds a JSON-encoded body
    const inner = J({ status: 200, body: J(args) });
    doc = cat('POST /v1/chat/completions body=', J({ model: 'gpt-4o', messages: [{ role: 'user', content: 'please handle it' }, { role: 'tool', tool_call_id: `call_${rand(24)}`, content: inner }] }));
  } else {
    doc = J({ jsonrpc: '2.0', id: ri(1, 999), result: { content: [{ type: 'text', text: J(args, { indent: 2 }) }], isError: false } });
  }
  return { family: `tool-${shape}`, loc, doc };
}

// HTTP request/response dumps captured by an HTTP tool.
export function httpDump() {
  const tok = pick([jwt, bearer])();
  const doc = T`> POST /v1/${pick(['payments', 'customers', 'messages'])} HTTP/1.1
> Host: api.${pick(['acme.io', 'example.com', 'payments.dev'])}
> Authorization: Bearer ${tok}
> Content-Type: application/json
> X-Request-Id: ${uuid()}
> Content-Length: ${ri(50, 900)}
>
< HTTP/1.1 ${pick([200, 201, 401, 422])} ${pick(['OK', 'Created', 'Unauthorized', 'Unprocessable Entity'])}
< Date: ${new Date(Date.UTC(2024, 4, ri(1, 28))).toUTCString()}
< Set-Cookie: ${E('SECRET', `session=${b64u(32)}; Path=/; HttpOnly; Secure; SameSite=Lax`)}
< X-RateLimit-Remaining: ${ri(0, 5000)}
< X-Amzn-Trace-Id: Root=1-${hex(8)}-${hex(24)}
<
${J({ id: `cus_${rand(14)}`, email: email(pick(LOCS)), phone: phone(pick(LOCS), { style: ['e164'] }), created: Number(epoch()), balance: ri(-5000, 5000), invoice_prefix: upper(8), livemode: false })}`;
  return { family: 'http', loc: 'dev', doc };
}

// ---------------------------------------------------------------- hard negatives only
export function negatives() {
  const pool = [
    () => J({ event: 'app_open', app_version: `${ri(1, 9)}.${ri(0, 30)}.${ri(0, 9)}.${ri(0, 200)}`, os: 'iOS 17.4.1', device: 'iPhone15,3', browser_version: `${ri(118, 126)}.0.0.0`, build: nz(5), ts: Number(epochMs()), session_duration_ms: ri(1000, 9999999), screen: '1179x2556', lat: +(R() * 90).toFixed(6), lng: +(R() * 180 - 90).toFixed(6), locale: 'de_DE' }),
    () => T`SKU ${upper(2)}-${digits(5)} | EAN ${ean13()} | ISBN ${isbn13()} | ${ri(10, 90)} x ${ri(10, 90)} x ${ri(1, 40)} cm | ${ri(1, 20)}.${ri(0, 9)} kg | ${price(pick(LOCS))} | stock ${ri(0, 9999)}`,
    () => T`Flight ${pick(['LH', 'BA', 'AA', 'UA', 'DL', 'NH'])}${ri(1, 999)} ${ri(1, 28)}MAY ${time()} gate B${ri(1, 60)}, PNR ${rand(6, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789')}, ${pick(['ETKT', 'eTicket', 'Tkt', 'E-ticket'])} ${pick(['001', '006', '016', '057', '074', '220', '125'])}${digits(10)}, bag tag ${pick(['0220', '0125', '0016'])}${digits(6)}, seat ${ri(1, 50)}K`,
    () => T`Kundennummer ${pad(ri(1, 99999999), 10)}, Bestellnummer ${pick(['00', '0'])}${digits(ri(8, 11))}, Rechnung Nr. ${pick([2024, 2025])}-${pad(ri(1, 99999), 6)}, Auftrag ${pad(ri(1, 9999999), 11)} vom ${ri(1, 28)}.0${ri(1, 9)}.2024, Betrag ${price('DE')}, USt-IdNr. DE${nz(9)}`,
    () => T`N° client ${pad(ri(1, 99999999), 10)} — commande ${pick(['00', '0'])}${digits(ri(8, 11))} du ${ri(1, 28)}/0${ri(1, 9)}/2024 — SIRET ${digits(3)} ${digits(3)} ${digits(3)} ${digits(5)} — TVA FR${digits(2)} ${digits(3)} ${digits(3)} ${digits(3)} — total ${price('FR')}`,
    () => T`${isoTs()} INFO [auth] token: ${pick(['expired', 'refreshed', 'invalid', 'revoked'])}; credentials: ${pick(['missing', 'rejected', 'cached'])}; auth: ${pick(['failed', 'succeeded'])} for user_id=${nz(7)} after ${ri(1, 900)} ms`,
    () => T`Password: ${pick(['must be at least 12 characters', 'Use a mix of letters, numbers and symbols', 'minimum 8 chars'])}. Forgot password: ${pick(['click "Reset" on the login page', 'contact your admin'])}. Secret: ${pick(['stored in Vault under kv/app', 'rotated every 90 days'])}.`,
    () => T`$ env\nPWD=/home/${pick(['ubuntu', 'runner', 'app'])}/work\nOLDPWD=/home/${pick(['ubuntu', 'runner'])}\nTERM=xterm-256color\nSHELL=/bin/bash\nGOPATH=/home/runner/go`,
    () => T`      DB_PASSWORD:       <set to the key 'password' in secret '${pick(['api', 'db', 'billing'])}-creds'>  Optional: false\n      REDIS_PASSWORD:    <set to the key 'redis-password' in secret 'redis'>  Optional: false`,
    () => T`auth:\n  existingSecret: ${pick(['postgres-creds', 'db-auth', 'redis-secret'])}\n  secretKeys:\n    adminPasswordKey: postgres-password\n    userPasswordKey: password\nprimary:\n  persistence:\n    size: ${ri(8, 500)}Gi`,
    () => T`curl https://api.example.com/v1/items -H "Authorization: Bearer ${pick(['YOUR_ACCESS_TOKEN', '<token>', '$TOKEN', '${API_TOKEN}', 'YOUR_API_KEY_HERE'])}" -H "X-Api-Key: ${pick(['<your-api-key>', 'YOUR_API_KEY', '$API_KEY'])}"`,
    () => T`commit ${gitSha()}\nAuthor: ci-bot <${IG('ci-bot@users.noreply.github.com', 'bot address')}>\nDate:   ${new Date(Date.UTC(2024, ri(0, 11), ri(1, 28))).toUTCString()}\n\n    chore(deps): bump axios from 1.6.${ri(0, 8)} to 1.7.${ri(0, 4)} (#${ri(100, 9999)})\n\n    Signed-off-by: bot`,
    () => T`image: registry.acme.io/api@sha256:${sha256()}\nrequest_id=${uuid()} trace=${hex(32)} span=${hex(16)} parent=${hex(16)} sampled=1 duration=${ri(1, 9999)}ms status=${pick([200, 404, 500, 503])} bytes=${ri(0, 999999)}`,
    () => J({ id: `chatcmpl-${rand(29)}`, created: Number(epoch()), model: 'gpt-4o-mini', tool_call_id: `call_${rand(24)}`, msg: `msg_01${rand(22)}`, tool_use: `toolu_01${rand(22)}`, req: `req_${rand(24)}`, usage: { prompt_tokens: ri(100, 90000), completion_tokens: ri(1, 4000), total_tokens: ri(100, 94000) }, eos_token: '</s>', pad_token: '<pad>', max_tokens: 4096, token_type: 'Bearer', expires_in: 3600 }),
    () => T`Page ${ri(1, 40)} of ${ri(40, 400)} · line ${ri(1, 9999)} · col ${ri(1, 120)} · ${ri(0, 100)}% · ${ri(1, 90)}.${ri(0, 9)}°C · ${ri(100, 240)}-${ri(240, 250)} V · ${ri(1, 9)}.${ri(0, 9)} GHz · ${ri(1, 64)} GB RAM · port ${pick([22, 443, 5432, 6379, 8080, 27017])} · HTTP ${pick([200, 301, 404, 500, 502])}`,
    () => T`Order ${amazonOrder(pick(LOCS))} shipped — ${pick(['UPS', 'DHL'])} ${pick(['1Z', 'JD'])}${upper(2)}${digits(14)}; estimated delivery ${ri(1, 28)} ${pick(['May', 'June'])}; ${ri(1, 4)} item(s) · ${price(pick(LOCS))}`,
    () => T`Order #${amazonOrder(pick(['DE', 'JP', 'GB']))} | Order #${amazonOrder(pick(['DE', 'JP']))} | Order #${amazonOrder(pick(['DE', 'JP']))} — ${pick(['delivered', 'returned', 'refunded'])}`,
    () => T`GTIN ${ean13()} / ${ean13()} / ${ean13()}; UPC ${digits(12)}; MPN ${upper(2)}${digits(4)}-${digits(3)}`,
    () => T`Ticks: ${ri(6385, 6389)}${digits(14)}  Snowflake: ${ri(11, 13)}${digits(17)}  Epoch(ns): ${epoch()}${digits(9)}  Epoch(ms): ${epochMs()}`,
    () => T`__version__ = '${ri(0, 5)}.${ri(0, 20)}.${ri(0, 9)}.${ri(0, 99)}'\nVERSION_INFO = (${ri(0, 5)}, ${ri(0, 20)}, ${ri(0, 9)})\nBUILD_ID = "${nz(8)}"\nRELEASE_DATE = "${isoTs(false).slice(0, 10)}"`,
    () => T`Japanese postal code 〒${digits(3)}-${digits(4)}; 法人番号 ${nz(13)}; 注文番号 ${digits(6)}-${digits(7)}; 会員番号 ${nz(10)}`,
    () => T`CPF ${IG(`${digits(3)}.${digits(3)}.${digits(3)}-${digits(2)}`, 'CPF')} · CNPJ ${digits(2)}.${digits(3)}.${digits(3)}/0001-${digits(2)} · CEP ${digits(5)}-${digits(3)} · Pedido ${nz(10)} · NF-e ${digits(44)}`,
    () => T`Coordinates ${(R() * 90).toFixed(4)}, ${(R() * 180 - 90).toFixed(4)}; elevation ${ri(0, 4000)} m; ${ri(1, 999)} km/h; ${ri(1000, 9999)} rpm; resolution ${pick(['1920x1080', '3840 x 2160', '2560×1440'])}`,
    () => T`Card declined: •••• •••• •••• ${digits(4)} (${pick(['Visa', 'Mastercard'])}); card BIN ${digits(6)}; last4=${digits(4)}; masked ${digits(6)}******${digits(4)}`,
    () => T`SSN (last 4): ${digits(4)}; invalid test SSNs: ${badSsn()}, ${badSsn()}; ITIN-shaped: ${IG(`9${digits(2)}-7${digits(1)}-${digits(4)}`, 'ITIN')}`,
    () => T`IBAN check failed for ${ibanCompact(pick(['DE', 'FR', 'NL', 'IT', 'GB']), true)} (mod-97 != 1); creditor ID ${pick(['DE', 'FR', 'NL'])}${digits(2)}ZZZ${digits(11)}; BIC ${pick(['COBADEFFXXX', 'INGBNL2A'])}`,
    () => T`${isoTs()} [scheduler] job=${uuid()} cron="*/5 * * * *" next_run=${epoch()} attempts=${ri(0, 5)}/5 backoff=${ri(1, 600)}s queue_depth=${ri(0, 99999)} p99=${ri(1, 9999)}ms`,
    () => T`at processTicksAndRejections (node:internal/process/task_queues:95:5)\n    at async Promise.all (index ${ri(0, 9)})\n    at async /app/dist/server.js:${ri(1000, 99999)}:${ri(1, 80)}\n    at Object.<anonymous> (/app/node_modules/@sentry/node/build/cjs/index.js:${ri(1, 900)}:${ri(1, 60)})`,
    () => T`std::vector<int> v; std::chrono::seconds s{${ri(1, 90)}}; auto x = Foo::Bar::baz(${ri(1, 99)});  // see RFC 3339 section 5.6, OID 1.3.6.1.4.1.${ri(1000, 60000)}.${ri(1, 9)}`,
    () => T`$ ls -la backups/\n-rw-r--r-- 1 app app ${nz(9)} May ${ri(1, 28)} 03:00 db-dump@${isoTs(false).slice(0, 10)}.zip\n-rw-r--r-- 1 app app ${nz(8)} May ${ri(1, 28)} 03:10 media@${isoTs(false).slice(0, 10)}.tar.gz`,
    () => T`Wireless Earbuds (Model A${ri(1000, 3000)}), FCC ID BCG-E${ri(1000, 9999)}A, IMEI-free; assets: icon@2x.png, hero@3x.webp, logo@2x.svg; deps: @types/node@20.${ri(10, 14)}.${ri(0, 9)}, lodash@4.17.21`,
  ];
  const parts = [];
  for (let i = 0; i < ri(1, 3); i++) { const x = pick(pool)(); if (x) parts.push(x); }
  return { family: 'negatives', loc: 'mixed', doc: join(parts, '\n') };
}
