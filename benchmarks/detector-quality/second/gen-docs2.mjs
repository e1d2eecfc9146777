// Document generators, part 2: HTML, markdown, JSON tool results, base64, multilingual, OCR, chat, Unicode, cloud configs.
import { doc, S, join, jsonEscapeDoc, r, ri, pick, chance, shuffle, chars, digits, ALNUM, HEX, B64, B64URL, UP, LOW, DIG,
  person, email, phone, phoneVariants, phoneValid, card, groupCard, TEST_CARDS, iban, badIban, groupIban, ssn, luhn,
  ipv4Public, ipv4Private, ipv6, SEC, pem, basic, NEG } from './lib.mjs';
import { P, E, IP4, CARD, IBAN, SSN, W, IG, SK, IN_SCOPE, date, time, iso, host } from './gen-docs1.mjs';

export function htmlDoc() {
  const p = person(pick(['en', 'fr', 'de', 'es']));
  return pick([
    () => doc`<form action="/account/update" method="post">
  <input type="hidden" name="csrf_token" value="${W('html-csrf-value', chars(ALNUM, 40))}">
  <input type="email" name="email" value="${E(p)}" required>
  <input type="tel" name="phone" value="${P(pick(IN_SCOPE), ['intl', 'nat'])}">
  <input type="password" name="password" value="${W('html-password-value', SEC.password().replace(/[<>"&]/g, ''))}">
  <button type="submit">Save</button>
</form>`,
    () => doc`<p>Questions? Write to <a href="mailto:${E(p)}?subject=Order%20${ri(10000, 99999)}">${p.full}</a> or call <a href="tel:${P(pick(IN_SCOPE), ['e164'])}">us</a>.</p>
<meta name="csrf-token" content="${W('html-csrf-value', chars(B64, 44))}">
<img src="data:image/png;base64,${NEG.b64img(ri(200, 500))}" width="16" height="16">`,
    () => doc`<table class="invoice">
  <tr><th>Kunde</th><td>${p.full}</td></tr>
  <tr><th>E-Mail</th><td>${E(p)}</td></tr>
  <tr><th>IBAN</th><td>${IBAN(pick(['DE', 'AT', 'CH', 'FR']), 'group')}</td></tr>
  <tr><th>Betrag</th><td>${ri(1, 9)}.${digits(3)},${digits(2)}&nbsp;€</td></tr>
  <tr><th>Rechnungsnr.</th><td>RE-${date().replace(/-/g, '')}-${digits(4)}</td></tr>
</table>`,
    () => doc`<script>window.__CONFIG__ = {"apiBase":"https://${host()}","stripeKey":"${IG(SEC.stripePk(), 'publishable')}","mapsKey":"${S('GOOGLE_API_KEY', SEC.google())}","release":"${NEG.semver()}","sentry":"https://${W('sentry-dsn-key', SEC.sentryKey())}@o${digits(6)}.ingest.sentry.io/${digits(7)}"};</script>
<!-- build ${NEG.sha1()} at ${iso()} -->`,
    () => doc`<div class="contact">Contact: <a href="mailto:${E(p)}">${p.full}</a> &middot; <span itemprop="telephone">${P(pick(IN_SCOPE), ['nat', 'intl'])}</span> &middot; <span itemprop="address">${ri(1, 300)} ${pick(['High Street', 'Rue de Rivoli', 'Hauptstraße'])}</span></div>`,
  ])();
}

export function markdownDoc() {
  const rows = [];
  for (let i = 0, n = ri(2, 4); i < n; i++) { const p = person(pick(['en', 'de', 'hi', 'ja'])); const c = pick(IN_SCOPE); rows.push(doc`| ${p.full} | ${E(p)} | ${P(c, ['nat', 'intl'])} | ${c} |`); }
  return pick([
    () => doc`## On-call roster\n\n| Name | Email | Phone | Country |\n|---|---|---|---|\n${join(rows)}\n\n_Last updated ${date()}_`,
    () => doc`### Credentials for the staging env (rotate after the demo!)\n\n| Service | Key |\n|---|---|\n| OpenAI | \`${S('OPENAI_KEY', SEC.openaiProj())}\` |\n| Hugging Face | \`${W('huggingface-token', SEC.hf())}\` |\n| npm | \`${W('npm-token', SEC.npm())}\` |\n| Stripe (restricted) | \`${S('STRIPE_KEY', SEC.stripeRk(), { sub: 'restricted' })}\` |\n| Replicate | \`${W('replicate-token', SEC.replicate())}\` |`,
    () => doc`**Refund request** from ${E()}\n\n- Card: ${CARD(' ')}\n- Amount: $${ri(1, 9)},${digits(3)}.${digits(2)}\n- Order: #${ri(1000000, 9999999)}\n- Phone: ${P('US', ['nat', 'dash', 'dot'])}\n\n> ${pick(['Please process ASAP.', 'Customer is upset.', 'Charged twice on ' + date() + '.'])}`,
    () => doc`1. Install: \`pip install acme-sdk==${NEG.semver()}\`\n2. Export your key: \`export ACME_API_KEY=<YOUR_API_KEY>\`\n3. Run \`acme login --token ${W('cli-token-flag', 'acme_' + chars(ALNUM, 32))}\`\n4. Verify with \`acme whoami\` → \`${E()}\``,
  ])();
}

export function jsonTool() {
  const p = person(pick(['en', 'de', 'fr', 'es', 'pt', 'it', 'hi', 'ja']));
  const c = pick([...IN_SCOPE, 'ES', 'PT']);
  return pick([
    () => doc`{"tool":"crm.lookup","status":"ok","result":{"customer":{"id":"${NEG.uuid()}","name":"${p.full}","contact":{"email":"${E(p)}","phone":"${P(c, ['e164', 'intl', 'nat'])}","secondary_phone":null},"billing":{"iban":"${IBAN(undefined, pick(['compact', 'group']))}","card_last4":"${digits(4)}","card_brand":"visa"},"addresses":[{"type":"home","postal_code":"${pick(['10115', '75008', '28013', '110001', '100-0001', '94103'])}"}]},"meta":{"request_id":"${NEG.ulid()}","trace_id":"${NEG.md5()}","took_ms":${ri(3, 900)},"ts":${1715500000 + ri(0, 9999999)}}}}`,
    () => doc`{"id":"call_${chars(ALNUM, 24)}","type":"function","function":{"name":"send_email","arguments":"{\\"to\\": \\"${E(p)}\\", \\"cc\\": [\\"${E()}\\"], \\"subject\\": \\"Invoice ${ri(1000, 9999)}\\", \\"body\\": \\"Hi ${p.first}, please call me back on ${P(c, ['intl', 'nat'])}.\\"}"}}`,
    () => doc`{"object":"list","data":[{"id":"evt_${chars(ALNUM, 24)}","type":"charge.succeeded","data":{"object":{"amount":${ri(100, 99999)},"billing_details":{"email":"${E(p)}","phone":"${P(c, ['e164'])}","address":{"city":"${pick(['Berlin', 'Paris', 'São Paulo', 'Mumbai'])}"}},"payment_method_details":{"card":{"brand":"visa","last4":"${digits(4)}","exp_month":${ri(1, 12)},"exp_year":${ri(2025, 2031)},"fingerprint":"${chars(ALNUM, 16)}"}},"receipt_url":"https://pay.stripe.com/receipts/${chars(B64URL, 60)}"}}}],"has_more":false}`,
    () => doc`{"ok":true,"user":{"id":"U${chars(UP + DIG, 10)}","profile":{"real_name":"${p.full}","email":"${E(p)}","phone":"${P(c, ['intl', 'nat'])}","image_72":"https://avatars.slack-edge.com/${date()}/${digits(13)}_${chars(HEX, 20)}_72.png"},"tz":"Europe/Berlin","updated":${1715500000 + ri(0, 9999999)}},"response_metadata":{"next_cursor":"${IG('dXNlcjpV' + chars(B64, 12) + '==', 'pagination cursor')}"}}`,
    () => doc`{"results":[{"ip":"${IP4()}","asn":${ri(1000, 65000)},"geo":{"lat":${ri(-60, 60)}.${digits(4)},"lon":${ri(-170, 170)}.${digits(4)}},"ports":[22,80,443],"hostnames":["${pick(['mail', 'vpn', 'gw'])}.example.com"]},{"ip":"${S('IP', ipv6())}","asn":${ri(1000, 65000)}}],"total":2,"query_time":"0.${digits(3)}s"}`,
    () => doc`{"type":"service_account","project_id":"acme-${pick(['ml', 'prod', 'data'])}-${digits(6)}","private_key_id":"${IG(SEC.gcpKeyId(), 'key id (identifier)')}","private_key":"${S('PRIVATE_KEY', pem('PRIVATE KEY', '\\n'), { sub: 'gcp-json-escaped' })}\\n","client_email":"${S('EMAIL', `${pick(['svc-etl', 'vertex-runner', 'terraform'])}@acme-prod-${digits(6)}.iam.gserviceaccount.com`, { sub: 'service-account' })}","client_id":"${digits(21)}","auth_uri":"https://accounts.google.com/o/oauth2/auth","token_uri":"https://oauth2.googleapis.com/token","auth_provider_x509_cert_url":"https://www.googleapis.com/oauth2/v1/certs"}`,
    () => doc`{"access_token":"${S('SECRET', 'ya29.' + chars(B64URL, 150), { sub: 'google-oauth' })}","expires_in":3599,"refresh_token":"${S('SECRET', '1//0' + chars(B64URL, 100), { sub: 'google-oauth' })}","scope":"https://www.googleapis.com/auth/gmail.readonly","token_type":"Bearer","id_token":"${S('JWT', SEC.jwt({ iss: 'https://accounts.google.com', email: email(p), sub: digits(21) }))}"}`,
    () => doc`{"role":"tool","name":"read_file","content":${jsonString(doc`# config/settings.py\nDEBUG = False\nSECRET_KEY = "${SK('django', chars(LOW + DIG + '!@#%^&*(-_=+)', 50))}"\nDATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "USER": "web", "PASSWORD": "${S('SECRET', SEC.password())}", "HOST": "${S('IP', ipv4Private())}"}}\nEMAIL_HOST_PASSWORD = os.environ["EMAIL_HOST_PASSWORD"]\nADMINS = [("${p.full}", "${E(p)}")]`)}}`,
  ])();
}
// A doc rendered as a JSON string literal (with quotes), spans remapped.
function jsonString(d) { const e = jsonEscapeDoc(d); return doc`"${e}"`; }

export function base64Doc() {
  return pick([
    () => doc`{"type":"image","source":{"type":"base64","media_type":"image/png","data":"${NEG.b64img(ri(400, 1200))}"}}`,
    () => doc`attachment: invoice.pdf (application/pdf, ${ri(10, 900)} KB) JVBERi0xLjcKJeLjz9MK${chars(B64, ri(300, 900))}==`,
    () => { const inner = `{"user":"${email()}","pass":"${SEC.password()}"}`; return doc`Authorization header was base64 of a JSON blob: ${W('base64-encoded-credentials', Buffer.from(inner).toString('base64'))}`; },
    () => doc`data:application/octet-stream;base64,${chars(B64, ri(200, 600))}=`,
    () => doc`"thumbnail": "/9j/4AAQSkZJRgABAQAAAQABAAD/${chars(B64, ri(300, 700))}"`,
    () => doc`kubectl get secret db -o jsonpath='{.data.password}' | base64 -d\n${IG(chars(B64, 24), 'output (already decoded elsewhere)')}`,
  ])();
}

// ---- multilingual ----
export function multilingual() {
  const lang = pick(['de', 'fr', 'es', 'pt', 'ptBR', 'ja', 'hi', 'it']);
  if (lang === 'de') { const p = person('de'); return pick([
    () => doc`Sehr geehrte Damen und Herren,\nbitte überweisen Sie den Betrag von ${ri(1, 9)}.${digits(3)},${digits(2)} € bis zum ${ri(1, 28)}.${ri(1, 12)}.2024 auf folgendes Konto:\nKontoinhaber: ${p.full}\nIBAN: ${IBAN('DE', pick(['group', 'compact']))}\nBIC: ${pick(['COBADEFFXXX', 'DEUTDEDBBER', 'GENODEF1M04'])}\nVerwendungszweck: Rechnung Nr. ${ri(2024000, 2024999)}\nBei Rückfragen erreichen Sie mich unter ${P('DE', ['nat', 'slash', 'intl', 'paren'])} oder per E-Mail an ${E(p)}.\nMit freundlichen Grüßen`,
    () => doc`Kontakt: ${p.full}, Musterstraße ${ri(1, 120)}, ${pick(['10115 Berlin', '80331 München', '50667 Köln', '20095 Hamburg'])}\nTel.: ${P('DE', ['nat', 'slash', 'paren'])} · Mobil: ${P('DE', ['nat', 'intl', 'trunkMark'])} · Fax: ${P('DE', ['nat', 'slash'])}\nSteuer-ID: ${IG(digits(11), 'German tax id (not a listed kind)')} · USt-IdNr.: DE${digits(9)}`,
  ])(); }
  if (lang === 'fr') { const p = person('fr'); return pick([
    () => doc`Bonjour,\nVoici mes coordonnées pour le dossier n° ${ri(100000, 999999)} :\nTéléphone : ${P('FR', ['nat', 'dotted', 'intl', 'trunkMark'])}\nCourriel : ${E(p)}\nIBAN : ${IBAN('FR', pick(['group', 'compact']))}\nN° de sécurité sociale : ${IG(`${ri(1, 2)} ${digits(2)} ${digits(2)} ${digits(2)} ${digits(3)} ${digits(3)} ${digits(2)}`, 'French NIR (not a listed kind)')}\nAdresse : ${ri(1, 99)} rue de la Paix, 75002 Paris\nCordialement, ${p.full}`,
    () => doc`Facture n° F-${date().replace(/-/g, '')}-${digits(3)} — montant TTC : ${ri(1, 9)} ${digits(3)},${digits(2)} € — payable avant le ${ri(1, 28)}/${ri(1, 12)}/2024. Contact : ${E(p)}, ${P('FR', ['nat', 'dotted'])}.`,
  ])(); }
  if (lang === 'es') { const p = person('es'); return pick([
    () => doc`Hola, soy ${p.full}. Mi móvil es ${P('ES', ['nat'])} y el fijo de la oficina ${P('ES', ['intl'])}. Para la transferencia usa el IBAN ${IBAN('ES', pick(['group', 'compact']))}. DNI: ${IG(digits(8) + pick(UP.split('')), 'Spanish DNI (not a listed kind)')}. Correo: ${E(p)}.`,
    () => doc`Pedido nº ${ri(100000, 999999)} enviado el ${ri(1, 28)}/${ri(1, 12)}/2024 a Calle Mayor ${ri(1, 99)}, 28013 Madrid. Importe: ${ri(1, 9)}.${digits(3)},${digits(2)} €. Teléfono de contacto: ${P('ES', ['nat', 'intl', 'e164'])}.`,
  ])(); }
  if (lang === 'pt') { const p = person('pt'); return doc`Olá! O meu contacto é ${P('PT', ['nat', 'intl'])} (${p.full}). IBAN para reembolso: ${IBAN('PT', pick(['group', 'compact']))}. NIF: ${IG(digits(9), 'Portuguese NIF (not a listed kind)')}. Email: ${E(p)}. Morada: Rua Augusta ${ri(1, 200)}, 1100-048 Lisboa.`; }
  if (lang === 'ptBR') { const p = person('pt'); return doc`Oi, tudo bem? Meu WhatsApp é ${P('BR', ['nat', 'intl'])} e o telefone fixo ${P('BR', ['nat'])}. CPF: ${IG(`${digits(3)}.${digits(3)}.${digits(3)}-${digits(2)}`, 'CPF (not a listed kind)')}. Pode mandar o boleto para ${E(p)}. Valor: R$ ${ri(1, 9)}.${digits(3)},${digits(2)}. CEP ${digits(5)}-${digits(3)}.`; }
  if (lang === 'ja') { const p = person('ja'); return pick([
    () => doc`お問い合わせ先：${p.last}${p.first}様\n電話番号：${P('JP', ['nat'])}\n携帯：${P('JP', ['nat', 'intl'])}\nメール：${E(p)}\n住所：〒${digits(3)}-${digits(4)} 東京都千代田区丸の内${ri(1, 3)}-${ri(1, 9)}-${ri(1, 9)}\nご注文番号：${ri(1000000, 9999999)}（${ri(2024, 2024)}年${ri(1, 12)}月${ri(1, 28)}日）`,
    () => doc`担当者の連絡先は ${P('JP', ['nat'])} です。メールは ${E(p)} までお願いします。金額は ¥${ri(1, 99)},${digits(3)} です。`,
  ])(); }
  if (lang === 'hi') { const p = person('hi'); return pick([
    () => doc`Namaste! Mera naam ${p.full} hai. Mera number ${P('IN', ['noTrunk', 'intl', 'nat'])} hai, WhatsApp pe message kar dena. Email pe bhi bhej sakte ho: ${E(p)}. Aadhaar ${IG(`${digits(4)} ${digits(4)} ${digits(4)}`, 'Aadhaar (not a listed kind)')} verify ho gaya. Payment ₹${ri(1, 9)},${digits(2)},${digits(3)} ka hai.`,
    () => doc`Bhai order #${ri(100000, 999999)} abhi tak nahi aaya. Delivery address: ${ri(1, 200)}, MG Road, Bengaluru, PIN code ${ri(110001, 855999)}. Call karo ${P('IN', ['noTrunk', 'intl', 'nat'])} pe ya mail karo ${E(p)}.`,
  ])(); }
  const p = person('it'); return doc`Buongiorno, sono ${p.full}. Cellulare ${P('IT', ['noTrunk', 'intl'])}, ufficio ${P('IT', ['nat'])}. IBAN: ${IBAN('IT', pick(['group', 'compact']))}. Codice fiscale: ${IG(chars(UP, 6) + digits(2) + pick(UP.split('')) + digits(2) + pick(UP.split('')) + digits(3) + pick(UP.split('')), 'codice fiscale (not a listed kind)')}. Email: ${E(p)}.`;
}

// ---- OCR-like text ----
export function ocrDoc() {
  const p = person(pick(['en', 'de', 'fr']));
  const c = card(pick(['visa', 'mc']));
  const ib = iban(pick(['DE', 'FR', 'NL', 'GB']));
  return pick([
    () => doc`INV0ICE    N0. ${ri(1000, 9999)}\n\nBill  to :  ${p.full}\nE-mail :  ${E(p)}\nTel :  ${P(pick(['DE', 'GB', 'FR', 'US']), ['intl', 'nat'])}\n\nIBAN   ${S('IBAN', groupIban(ib, '  '), { sub: 'double-space' })}\nTotal  due :  ${ri(1, 9)},${digits(3)}.${digits(2)}`,
    () => doc`Card No: ${S('CARD', groupCard(c.digits, ' ').slice(0, 9) + '\n' + groupCard(c.digits, ' ').slice(10), { sub: 'line-break' })}\nExp: ${ri(1, 12)}/${ri(25, 31)}  Name: ${p.full.toUpperCase()}`,
    () => doc`Ph one: ${P('US', ['nat', 'dash'])}   Fa x: ${P('US', ['nat', 'dash'])}\nEm ail: ${E(p)}`,
    () => doc`Account holder ${p.full}  IBAN ${S('IBAN', ib, { sub: 'compact' })}  Date ${ri(1, 28)}.${ri(1, 12)}.2024  Ref ${chars(UP, 3)}${digits(8)}`,
    () => doc`SOCIAL SECURITY NUMBER\n${SSN('space')}\nTHIS NUMBER HAS BEEN ESTABLISHED FOR\n${p.full.toUpperCase()}`,
    () => doc`Contact me: ${IG(`${email(p).replace('@', ' @ ').replace(/\./g, ' . ')}`, 'OCR-split email')}  |  ${P('GB', ['nat', 'intl'])}`,
    () => doc`Kartennummer ${S('CARD', c.digits.replace(/(\d{4})(?=\d)/g, '$1  '), { sub: 'double-space' })} gültig bis ${ri(1, 12)}/${ri(25, 31)}`,
  ])();
}

// ---- casual chat ----
export function chatDoc() {
  const p = person(pick(['en', 'en', 'de', 'hi', 'es']));
  const c = card(); const tc = pick(TEST_CARDS);
  return pick([
    () => doc`my card is ${S('CARD', groupCard(tc, ' '), { sub: 'test-card' })} exp ${ri(1, 12)}/${ri(25, 31)} cvv ${W('cvv', digits(3))}`,
    () => doc`ok here it is ${S('CARD', groupCard(c.digits, pick([' ', '-', ''])), { sub: c.scheme })}, expires ${String(ri(1, 12)).padStart(2, '0')}/${ri(25, 31)}, the code on the back is ${W('cvv', digits(3))}`,
    () => doc`you can text me at ${P('US', ['nat', 'dash', 'dot', 'space', 'compact'])} anytime after ${ri(5, 9)}pm`,
    () => doc`my ssn is ${SSN(pick(['dash', 'compact', 'space']))} if you need it for the form`,
    () => doc`email me: ${S('EMAIL', email(p).replace(/^./, (x) => x.toUpperCase()).replace(/@(.)/, (m, x) => '@' + x.toUpperCase()))} thx`,
    () => doc`iban ${IBAN(pick(['DE', 'NL', 'FR', 'ES']), pick(['compact', 'lower', 'group']))} pls send the refund there`,
    () => doc`my number's ${P('GB', ['nat', 'intl', 'trunkMark', 'zeroZero'])}, call me if the courier is late`,
    () => doc`call me at ${P('DE', ['slash', 'nat', 'compactNat'])} tomorrow`,
    () => doc`the wifi pw is ${W('casual-password', chars(ALNUM, 12))} and the router admin password: ${S('SECRET', SEC.password())}`,
    () => doc`here's my api key ${S('OPENAI_KEY', pick([SEC.openaiProj, SEC.openaiLegacy])())} can you check why it fails`,
    () => doc`I pasted my github token by mistake: ${S('GITHUB_TOKEN', SEC.ghp())} — how do I revoke it?`,
    () => doc`can u use my hf token ${W('huggingface-token', SEC.hf())} to download llama`,
    () => doc`npm says 401, my token is ${W('npm-token', SEC.npm())} and registry is npmjs.org`,
    () => doc`My aws creds: ${S('AWS_ACCESS_KEY', SEC.awsId())} / ${W('aws-secret-bare', SEC.awsSecret())}`,
    () => doc`whatsapp me ${S('PHONE', 'https://wa.me/' + phone(pick(['DE', 'IN', 'BR', 'GB'])).number.slice(1), { sub: 'wa.me', scope: 'in' })} or ${E(p)}`,
    () => doc`Hi, I'm ${p.full}, my phone is ${P(pick(IN_SCOPE), ['nat', 'intl', 'e164'])} and I live at ${ri(1, 200)} Baker Street.`,
    () => doc`pay to ${IBAN('GB', 'group')} sort code ${digits(2)}-${digits(2)}-${digits(2)} acc ${IG(digits(8), 'UK account number (not listed)')}`,
    () => doc`card ending ${digits(4)} was declined, try my other one ${S('CARD', groupCard(card('amex').digits, ' '), { sub: 'amex' })} cvc ${W('cvv', digits(4))}`,
    () => doc`reach me on ${P('IN', ['noTrunk', 'intl'])} or ${P('AU', ['nat', 'intl'])} when in Sydney`,
    () => doc`the otp they sent is ${IG(digits(6), 'OTP code')} and my pin is ${IG(digits(4), 'PIN')}`,
  ])();
}

// ---- Unicode ----
const FW = (s) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + +d)).replace(/-/g, '－').replace(/\+/g, '＋');
export function unicodeDoc() {
  const p = person(pick(['en', 'fr', 'de']));
  const pc = pick(['FR', 'DE', 'GB', 'US']); const pv = phoneVariants(phone(pc));
  const c = card(pick(['visa', 'mc']));
  return pick([
    () => doc`Téléphone\u00a0: ${S('PHONE', pv.intl.replace(/ /g, '\u00a0'), { sub: 'nbsp', scope: 'in', country: pc })}`,
    () => doc`Tél. ${S('PHONE', phoneVariants(phone('FR')).nat.replace(/ /g, '\u202f'), { sub: 'narrow-nbsp', scope: 'in', country: 'FR' })} (bureau)`,
    () => doc`Phone: ${S('PHONE', phoneVariants(phone('US')).dash.replace(/-/g, '\u2013'), { sub: 'en-dash', scope: 'in', country: 'US' })}`,
    () => doc`電話：${S('PHONE', FW(phoneVariants(phone('JP')).nat), { sub: 'fullwidth', scope: 'in', country: 'JP' })}`,
    () => doc`Card\u00a0number: ${S('CARD', groupCard(c.digits, '\u00a0'), { sub: 'nbsp' })}`,
    () => doc`Kartennr. ${S('CARD', groupCard(c.digits, '\u2009'), { sub: 'thin-space' })}`,
    () => doc`card ${S('CARD', groupCard(c.digits, '\u2013'), { sub: 'en-dash' })}`,
    () => doc`カード番号：${S('CARD', FW(groupCard(c.digits, '-')), { sub: 'fullwidth' })}`,
    () => { const e = email(p); const k = ri(1, e.indexOf('@') - 1); return doc`mail: ${S('EMAIL', e.slice(0, k) + '\u200b' + e.slice(k), { sub: 'zwsp-local' })}`; },
    () => { const e = email(p); const at = e.indexOf('@'); return doc`contact ${S('EMAIL', e.slice(0, at) + '\u200b@' + e.slice(at + 1), { sub: 'zwsp-before-at' })} today`; },
    () => { const e = email(p); const dot = e.lastIndexOf('.'); return doc`écrivez à ${S('EMAIL', e.slice(0, dot) + '\u200b' + e.slice(dot), { sub: 'zwsp-domain' })}`; },
    () => doc`E-Mail:\u00a0${S('EMAIL', email(p), { sub: 'after-nbsp' })}\u00a0(privat)`,
    () => doc`IBAN\u00a0: ${S('IBAN', groupIban(iban('FR'), '\u00a0'), { sub: 'nbsp' })}`,
    () => doc`SSN\u00a0${S('SSN', ssn().join('\u2013'), { sub: 'en-dash' })}`,
    () => doc`Email “${E(p, { sub: 'curly-quotes' })}” — tel. «${P('FR', ['nat', 'intl'])}»`,
    () => doc`📞 ${P(pick(IN_SCOPE), ['intl', 'nat'])} ✉️ ${E(p)} 🏦 ${IBAN(pick(['DE', 'NL']), 'group')}`,
    () => doc`Numéro: ${S('PHONE', '+33\u00a0(0)' + phoneVariants(phone('FR')).intl.slice(4).replace(/ /g, '\u00a0'), { sub: 'nbsp-trunk', scope: 'in', country: 'FR' })}`,
    () => { const e = email(p); return doc`mail ${S('EMAIL', e.replace('@', '＠'), { sub: 'fullwidth-at' })}`; },
  ])();
}

// ---- cloud configs, DSNs ----
export function cloudDoc() {
  const p = person();
  return pick([
    () => doc`[default]\naws_access_key_id = ${S('AWS_ACCESS_KEY', SEC.awsId())}\naws_secret_access_key = ${SK('aws-secret', SEC.awsSecret())}\nregion = ${pick(['eu-west-1', 'us-east-1'])}\n\n[profile ci]\naws_access_key_id=${S('AWS_ACCESS_KEY', SEC.awsId())}\naws_secret_access_key=${SK('aws-secret', SEC.awsSecret())}\naws_session_token=${SK('aws-session', SEC.awsSession())}`,
    () => doc`{"AccessKeyId": "${S('AWS_ACCESS_KEY', 'ASIA' + chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16))}", "SecretAccessKey": "${SK('aws-secret', SEC.awsSecret())}", "SessionToken": "${SK('aws-session', SEC.awsSession())}", "Expiration": "${iso()}"}`,
    () => doc`aws configure list\n      Name                    Value             Type    Location\n access_key     ****************${chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 4)} shared-credentials-file\n secret_key     ****************${chars(ALNUM, 4)} shared-credentials-file\n    region                us-east-1      config-file    ~/.aws/config`,
    () => doc`DefaultEndpointsProtocol=https;AccountName=${pick(['acmeprod', 'mlartifacts'])};AccountKey=${W('azure-account-key', SEC.azureKey())};EndpointSuffix=core.windows.net`,
    () => doc`Endpoint=sb://${pick(['acme-events', 'orders-bus'])}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${SK('azure-sas-key', SEC.azureSasKey())}`,
    () => doc`AccountEndpoint=https://acme-cosmos.documents.azure.com:443/;AccountKey=${W('azure-account-key', SEC.azureKey())};`,
    () => doc`https://acmeprod.blob.core.windows.net/exports/report.csv?sv=2022-11-02&ss=b&srt=sco&sp=rl&se=${date()}T${time()}Z&st=${date()}T${time()}Z&spr=https&sig=${W('azure-sas-signature', SEC.azureSig())}`,
    () => doc`Server=tcp:acme-sql.database.windows.net,1433;Initial Catalog=erp;Persist Security Info=False;User ID=sqladmin;Password=${S('SECRET', SEC.password().replace(/;/g, ''))};MultipleActiveResultSets=False;Encrypt=True;Connection Timeout=30;`,
    () => doc`Driver={ODBC Driver 18 for SQL Server};Server=${S('IP', ipv4Private())};Database=hr;UID=report;PWD=${S('SECRET', SEC.password().replace(/[;{}]/g, ''))};`,
    () => doc`jdbc:postgresql://${S('IP', ipv4Private())}:5432/analytics?user=etl&password=${S('SECRET', chars(ALNUM, 16))}&ssl=true`,
    () => doc`amqps://${S('URL_CREDENTIALS', `orders:${chars(ALNUM, 20)}`)}@b-${NEG.uuid()}.mq.us-east-1.amazonaws.com:5671`,
    () => doc`redis://${S('URL_CREDENTIALS', `default:${chars(ALNUM, 32)}`)}@redis-${ri(10000, 19999)}.c${ri(1, 300)}.us-east-1-2.ec2.cloud.redislabs.com:${ri(10000, 19999)}`,
    () => doc`git clone https://${p.first.toLowerCase()}:${S('GITHUB_TOKEN', SEC.ghp(), { sub: 'in-url-userinfo' })}@github.com/acme/private-repo.git`,
    () => doc`git remote -v\norigin  https://${S('URL_CREDENTIALS', `oauth2:${SEC.gitlab()}`)}@gitlab.com/acme/api.git (fetch)`,
    () => doc`pip install --index-url https://${S('URL_CREDENTIALS', `__token__:${SEC.pypi()}`)}@upload.pypi.org/simple/ acme-private`,
    () => doc`mysql -h ${S('IP', ipv4Private())} -u root -p${W('mysql-cli-password', chars(ALNUM, 14))} shop -e "select count(*) from orders"`,
    () => doc`PGPASSWORD=${S('SECRET', chars(ALNUM, 16))} psql -h db.internal -U app -d prod -c '\\dt'`,
    () => doc`ssh -i ~/.ssh/id_ed25519 ubuntu@${S('IP', ipv4Public())} -p ${pick([22, 2222])}`,
    () => doc`${S('PRIVATE_KEY', pem(pick(['OPENSSH PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'ENCRYPTED PRIVATE KEY'])))}`,
    () => doc`cat ~/.ssh/id_rsa\n${S('PRIVATE_KEY', pem('RSA PRIVATE KEY').slice(0, ri(120, 300)), { sub: 'truncated-pem' })}… [output truncated]`,
    () => doc`-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${S('PRIVATE_KEY', chars(B64, 64) + '\n' + chars(B64, 64) + '\n=' + chars(B64, 4), { sub: 'pgp-body' })}\n-----END PGP PRIVATE KEY BLOCK-----`,
    () => doc`{"kty":"RSA","kid":"${chars(B64URL, 22)}","n":"${chars(B64URL, 342)}","e":"AQAB","d":"${W('jwk-private-exponent', chars(B64URL, 342))}","p":"${W('jwk-private-prime', chars(B64URL, 171))}"}`,
    () => doc`VAULT_ADDR=https://vault.internal:8200 vault login ${W('vault-token', SEC.vault())}`,
    () => doc`heroku config:set TELEGRAM_TOKEN=${SK('telegram', SEC.telegram())} --app acme-bot`,
    () => doc`doctl auth init --access-token ${W('digitalocean-token', SEC.doToken())}`,
    () => doc`const linear = new LinearClient({ apiKey: "${S('SECRET', SEC.linear(), { sub: 'linear' })}" });`,
    () => doc`openai.api_base = "https://openrouter.ai/api/v1"; openai.api_key = "${W('openrouter-key', SEC.openrouter(), { ctx: 'sensitive-assignment' })}"`,
    () => doc`export SHOPIFY_ACCESS_TOKEN=${SK('shopify', SEC.shopify())}`,
    () => doc`-----BEGIN CERTIFICATE-----\n${chars(B64, 64)}\n${chars(B64, 64)}\n-----END CERTIFICATE-----\n-----BEGIN PUBLIC KEY-----\n${chars(B64, 64)}\n-----END PUBLIC KEY-----`,
  ])();
}

// Known-format tokens with no kind of their own, outside any sensitive-named assignment.
export function wantedBare() {
  const t = pick([
    ['npm-token', SEC.npm], ['huggingface-token', SEC.hf], ['sendgrid-key', SEC.sendgrid], ['twilio-api-key', SEC.twilioKey], ['mailgun-key', SEC.mailgun],
    ['gitlab-token', SEC.gitlab], ['shopify-token', SEC.shopify], ['telegram-bot-token', SEC.telegram], ['vault-token', SEC.vault], ['pypi-token', SEC.pypi],
    ['groq-key', SEC.groq], ['replicate-token', SEC.replicate], ['deepseek-key', SEC.deepseek], ['openrouter-key', SEC.openrouter], ['digitalocean-token', SEC.doToken],
    ['linear-key', SEC.linear], ['aws-secret-bare', SEC.awsSecret], ['azure-account-key', SEC.azureKey],
  ]);
  const v = t[1]();
  const ctx = pick([
    (x) => doc`Using credential ${x} for the upload step.`,
    (x) => doc`[agent] tool=http_request header "${pick(['X-Key', 'X-Goog-Key', 'Key'])}" set to ${x}`,
    (x) => doc`- name: publish\n  run: ./publish.sh ${x}`,
    (x) => doc`{"provider": "${t[0].split('-')[0]}", "key": "${x}", "enabled": true}`,
    (x) => doc`The user shared their ${t[0].replace(/-/g, ' ')}: ${x}`,
    (x) => doc`client.login("${x}")`,
  ]);
  return ctx(W(t[0], v));
}

export { FW };
