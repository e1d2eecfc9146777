// Families: support transcripts, CRM exports, e-commerce, bank/payment, HR, medical, travel.
import {
  B, T, E, IG, J, cat, join, R, ri, pick, chance, digits, nz, rand, hex, upper, uuid, pad, phone, phoneCompact, card, cardNumber, fmtCard, TEST_CARDS,
  iban, ibanCompact, groups4, ssn, ssnParts, badSsn, person, email, roleEmail, ipv4, ean13, isbn13, amazonOrder, isoTs, epoch, price, DEFAULT_COUNTRIES, asJsonString, secret, password,
} from './lib.mjs';

const LOCS = DEFAULT_COUNTRIES;
const EN = ['US', 'CA', 'GB', 'AU', 'IN'];
const date = (loc) => { const d = ri(1, 28), m = ri(1, 12), y = pick([2024, 2025]); return loc === 'US' ? `${pad(m, 2)}/${pad(d, 2)}/${y}` : loc === 'JP' ? `${y}/${pad(m, 2)}/${pad(d, 2)}` : ['DE', 'NL'].includes(loc) ? `${pad(d, 2)}.${pad(m, 2)}.${y}` : `${pad(d, 2)}/${pad(m, 2)}/${y}`; };
const time = () => `${pad(ri(7, 19), 2)}:${pick(['00', '15', '30', '45'])}`;
const orderNo = (loc) => pick([() => amazonOrder(loc), () => `#${ri(1001, 99999)}`, () => `${pick(['ORD', 'SO', 'WEB'])}-${pick([2024, 2025])}-${pad(ri(1, 999999), 6)}`, () => nz(ri(8, 10)), () => `${upper(2)}${nz(8)}`])();
const PHONE_LABEL = { US: 'Phone', CA: 'Phone', GB: 'Tel', AU: 'Ph', IN: 'Mobile', DE: 'Tel.', FR: 'Tél.', NL: 'Tel.', IT: 'Tel.', JP: '電話', BR: 'Telefone' };
const brand = () => pick(['Visa', 'Mastercard', 'Amex', 'VISA', 'MC']);
const tracking = () => pick([() => `1Z${upper(3)}${digits(3)}${pick(['01', '03'])}${digits(8)}`, () => `${digits(4)} ${digits(4)} ${digits(4)}`, () => `9400 1${digits(3)} ${digits(4)} ${digits(4)} ${digits(4)} ${digits(2)}`, () => `JJD${digits(18)}`, () => `00340434${digits(12)}`, () => `6A${digits(11)}`, () => `${upper(2)}${digits(9)}${pick(['GB', 'DE', 'FR', 'JP', 'BR', 'IN'])}`])();
const trackingLabel = (t) => (/^\d{4} \d{4} \d{4}$/.test(t) || t.startsWith('9400') ? 'Tracking number' : pick(['Tracking', 'Tracking #', 'Shipment']));
const product = () => pick(['Wireless Earbuds Pro', 'USB-C Hub 7-in-1', 'Ergonomic Office Chair', 'Stainless Water Bottle 750 ml', 'Running Shoes (EU 42)', 'Kindle Paperwhite 16 GB', 'LEGO Technic 42115', 'Nespresso Vertuo Pods x50', '4K Monitor 27"', 'Yoga Mat 6mm']);
const sku = () => pick([() => `SKU-${upper(3)}-${digits(4)}`, () => `${upper(2)}${digits(6)}`, () => `${digits(3)}-${digits(3)}-${digits(3)}`, () => `B0${upper(1)}${rand(7, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`]);

// ---------------------------------------------------------------- support transcripts
export function support() {
  const loc = pick(LOCS);
  const p = person(loc);
  const ph = phone(loc);
  const em = email(loc, p);
  const ord = orderNo(loc);
  const agent = pick(['Agent', 'Support', 'assistant', 'Bot']);
  const cust = pick(['Customer', 'User', 'user', p.first]);
  const ticket = `${pick(['CS', 'TKT', 'INC', 'ZD'])}-${nz(ri(5, 7))}`;
  const lines = [];
  lines.push(T`[${isoTs(false)}] ${ticket} opened via ${pick(['chat', 'web', 'email', 'voice'])}`);
  if (loc === 'DE') {
    lines.push(T`${cust}: Hallo, meine Bestellung ${ord} vom ${date(loc)} ist noch nicht angekommen.`);
    lines.push(T`${agent}: Das tut mir leid! Unter welcher Telefonnummer können wir Sie erreichen?`);
    lines.push(T`${cust}: ${pick(['Meine Nummer ist', 'Unter', 'Tel.', 'Handy:'])} ${ph}, oder per Mail an ${em}.`);
  } else if (loc === 'FR') {
    lines.push(T`${cust}: Bonjour, ma commande n° ${ord} n'est toujours pas arrivée (payée ${price(loc)}).`);
    lines.push(T`${agent}: Je suis désolé. Pouvez-vous me donner un numéro où vous joindre ?`);
    lines.push(T`${cust}: ${pick(['Mon portable :', 'Oui,', 'Tél :', 'C\'est le'])} ${ph} — et mon e-mail ${em}`);
  } else if (loc === 'JP') {
    lines.push(T`${cust}: 注文番号 ${ord} の商品がまだ届きません。`);
    lines.push(T`${agent}: 大変申し訳ございません。ご連絡先のお電話番号を教えていただけますか？`);
    lines.push(T`${cust}: ${pick(['電話番号は', '携帯：', 'TEL：'])}${ph} です。メールは ${em} です。`);
  } else if (loc === 'BR') {
    lines.push(T`${cust}: Oi, meu pedido nº ${ord} ainda não chegou.`);
    lines.push(T`${agent}: Sinto muito! Qual o melhor telefone para contato?`);
    lines.push(T`${cust}: ${pick(['Meu celular é', 'Pode ligar no', 'É o'])} ${ph}, e o e-mail é ${em}`);
  } else if (loc === 'IT') {
    lines.push(T`${cust}: Buongiorno, il mio ordine ${ord} non è ancora arrivato.`);
    lines.push(T`${agent}: Mi dispiace! A quale numero possiamo richiamarla?`);
    lines.push(T`${cust}: ${pick(['Al', 'Cellulare:', 'Il mio numero è'])} ${ph}, email ${em}`);
  } else if (loc === 'NL') {
    lines.push(T`${cust}: Hoi, mijn bestelling ${ord} is nog niet binnen.`);
    lines.push(T`${agent}: Vervelend! Op welk nummer kunnen we u terugbellen?`);
    lines.push(T`${cust}: ${pick(['Mijn nummer is', 'Bel me op', 'Mobiel:'])} ${ph} of mail naar ${em}`);
  } else {
    lines.push(T`${cust}: Hi, my order ${ord} placed on ${date(loc)} still hasn't arrived. ${chance(0.3) ? 'It was ' + price(loc) + '.' : ''}`);
    lines.push(T`${agent}: I'm sorry about that! ${pick(['What is the best number to reach you on?', 'Can you confirm the phone number on the account?', 'Could I get a callback number?'])}`);
    lines.push(T`${cust}: ${pick(["Sure, it's", 'Yes:', 'You can call me at', 'my cell is', 'it should be'])} ${ph}${chance(0.3) ? ' ext. ' + ri(10, 999) : ''}. Email is ${em}.`);
  }
  if (chance(0.35)) {
    const c = card();
    lines.push(T`${cust}: ${pick(['I paid with my card', 'the card was', 'card number'])} ${c}${chance(0.5) ? `, exp ${pad(ri(1, 12), 2)}/${ri(26, 30)}` : ''}${chance(0.4) ? cat(' cvv ', IG(digits(3), 'cvv')) : ''}`);
    lines.push(T`${agent}: Thanks — for your security please don't share full card numbers here. I can see the charge of ${price(loc)} on the ${brand()} ending in ${digits(4)}.`);
  }
  if (chance(0.25)) lines.push(T`${agent}: I've escalated this as ${ticket}; reference ${nz(9)}. You'll get an SMS at the number ending ${digits(4)}.`);
  if (chance(0.2)) lines.push(T`${cust}: my account number is ${nz(10)} and the zip is ${digits(5)}`);
  if (chance(0.15)) lines.push(T`${cust}: also my wife's number, ${phone(loc)}, if I'm not available`);
  if (chance(0.15)) { const alt = phone(pick(LOCS)); lines.push(T`${agent}: Our ${pick(['hotline', 'support line', 'helpline'])} is ${alt} (${pick(['Mon–Fri 9–17', '24/7', 'Mo-Fr 8-20 Uhr'])}).`); }
  lines.push(T`${agent}: ${pick(['Your case has been updated.', 'Anything else I can help with?', 'Replacement shipped, tracking ' + tracking() + '.'])}`);
  return { family: 'support', loc, doc: join(lines, '\n') };
}

// A voice transcript (ASR) where digits come unformatted and the callback question is far away.
export function voiceTranscript() {
  const loc = pick(['US', 'GB', 'AU', 'IN', 'CA']);
  const p = person(loc);
  const ph = chance(0.5) ? phoneCompact(loc) : phone(loc, { style: ['natl', 'dash', 'untrunked', 'mob-533'] });
  ph.note = 'ASR transcript';
  if (!/[ .()-]/.test(ph.text)) ph.scope = 'beyond';
  const acct = nz(ri(8, 10));
  const lines = [
    T`[00:00:0${ri(1, 9)}] AGENT: Thank you for calling ${pick(['Northwind Energy', 'Contoso Bank', 'Atlas Travel', 'Globex Mobile'])}, my name is ${pick(['Sam', 'Priya', 'Leo'])}. Can I start with your account number?`,
    T`[00:00:${ri(10, 20)}] CALLER: yeah it's ${acct}`,
    T`[00:00:${ri(21, 35)}] AGENT: thanks ${p.first}. and in case we get disconnected what's a good number for you`,
    T`[00:00:${ri(36, 50)}] CALLER: ${pick(['um', 'uh', 'sure', 'ok'])} ${ph}`,
    T`[00:00:${ri(51, 59)}] AGENT: got it. I see a balance of ${price(loc)} due on ${date(loc)}, meter ${nz(9)}.`,
  ];
  if (chance(0.4)) lines.push(T`[00:01:${pad(ri(0, 59), 2)}] CALLER: and my social is ${ssn(pick(['dash', 'space']))} if you need it`);
  return { family: 'voice', loc, doc: join(lines, '\n') };
}

// ---------------------------------------------------------------- CRM exports
export function crmCsv() {
  const loc = pick(LOCS);
  const sep = pick([',', ';', '\t', ',']);
  const header = ['id', 'first_name', 'last_name', 'email', pick(['phone', 'mobile', 'phone_number', 'tel']), 'created_at', pick(['lifetime_value', 'ltv', 'orders']), 'country'];
  const rows = [T`${header.join(sep)}`];
  for (let i = 0; i < ri(3, 7); i++) {
    const c = chance(0.8) ? loc : pick(LOCS);
    const p = person(c);
    const ph = chance(0.12) ? phoneCompact(c, chance(0.5)) : phone(c, { noFullwidth: true });
    if (ph.meta.how === 'compact' || ph.meta.how === 'e164-noplus') { ph.scope = 'beyond'; ph.note = 'bare digits in CSV column'; }
    rows.push(T`${nz(6)}${sep}${p.first}${sep}${p.last}${sep}${email(c, p)}${sep}${ph}${sep}${isoTs(false).slice(0, 10)}${sep}${(ri(0, 99999) / 100).toFixed(2)}${sep}${c}`);
  }
  return { family: 'crm-csv', loc, doc: join(rows, '\n') };
}

// pandas DataFrame / fixed-width printouts: columns aligned with spaces, numbers beside phones.
export function crmTable() {
  const loc = pick(LOCS);
  const rows = [];
  const cols = pick([['customer_id', 'name', 'phone', 'orders'], ['id', 'phone', 'city', 'score'], ['account', 'contact', 'tel', 'balance']]);
  const phoneFirst = cols[1] === 'phone';
  rows.push(T`${' '.repeat(4)}${cols.map((c) => c.padStart(16)).join('')}`);
  for (let i = 0; i < ri(3, 6); i++) {
    const p = person(loc);
    const ph = phone(loc, { noFullwidth: true });
    ph.note = 'aligned table column';
    const id = String(ri(10000, 99999));
    if (cols[0] === 'id') rows.push(T`${String(i).padEnd(4)}${id.padStart(16)}  ${ph}${pick(['Lyon', 'Leeds', 'Osaka', 'Pune', 'Turin', 'Recife', 'Utrecht', 'Perth', 'Austin']).padStart(14)}${(ri(0, 1000) / 10).toFixed(1).padStart(16)}`);
    else if (cols[0] === 'customer_id') rows.push(T`${String(i).padEnd(4)}${id.padStart(16)}${p.full.padStart(16)}  ${ph}${String(ri(0, 40)).padStart(8)}`);
    else rows.push(T`${String(i).padEnd(4)}${('AC' + nz(6)).padStart(16)}${p.full.padStart(16)}  ${ph}${(ri(-50000, 900000) / 100).toFixed(2).padStart(12)}`);
  }
  if (chance(0.5)) rows.push(T`\n[${rows.length - 1} rows x ${cols.length} columns]`);
  return { family: 'crm-table', loc, doc: join(rows, '\n') };
}

// CRM JSON records (HubSpot/Salesforce-like), sometimes with phones as bare digits under camelCase keys.
export function crmJson() {
  const loc = pick(LOCS);
  const p = person(loc);
  const key = pick(['phone', 'phoneNumber', 'mobilePhone', 'mobile_number', 'contact_phone', 'msisdn', 'tel', 'phone_e164', 'MobilePhone', 'telefono']);
  let ph;
  if (key === 'msisdn') { ph = phoneCompact(loc, true); ph.scope = 'beyond'; ph.note = 'msisdn without +'; }
  else if (key === 'phone_e164') ph = phone(loc, { style: ['e164'] });
  else if (chance(0.35)) { ph = phoneCompact(loc); ph.note = `bare digits under key ${key}`; }
  else ph = phone(loc, { noFullwidth: true });
  const rec = {
    id: pick([nz(10), `003${rand(15)}`, uuid()]), properties: {
      firstname: p.first, lastname: p.last, email: email(loc, p), [key]: ph, company: pick(['Globex', 'Initech', 'Umbrella', 'Hooli']),
      lifecyclestage: pick(['lead', 'customer', 'opportunity']), hs_object_id: nz(11), createdate: isoTs(), lastmodifieddate: isoTs(),
      annualrevenue: String(ri(10000, 9000000)), num_associated_deals: String(ri(0, 9)),
    },
  };
  if (chance(0.3)) rec.properties.secondary_email = email(loc, p, { corp: true });
  if (chance(0.2)) rec.properties.fax = phone(loc, { noFullwidth: true });
  if (chance(0.2)) rec.properties.ip_address = ipv4('public');
  return { family: 'crm-json', loc, doc: J(rec, { indent: chance(0.5) ? 2 : 0 }) };
}

// ---------------------------------------------------------------- e-commerce order confirmations
const ORDER_TXT = {
  en: (x) => T`Order Confirmation ${x.ordLabel}${x.ord}
Hi ${x.p.first}, thanks for your order placed on ${x.date} at ${x.time}.

  ${x.qty} x ${x.product}  (${x.skuLabel} ${x.sku})   ${x.price}
  ${x.ean ? cat('EAN: ', x.ean, '\n  ') : ''}Subtotal: ${x.sub}   Tax (${x.tax}%): ${x.taxAmt}   Total: ${x.total}

Paid with ${x.brand} ending in ${x.last4} (auth code ${x.auth})
Ship to: ${x.p.full}, ${x.addr}
Phone: ${x.ph}
${x.trackLabel}: ${x.track}
Questions? Call us at ${x.support} or email ${x.supportEmail}. Order ${x.ord} — ${x.items} item(s).`,
  DE: (x) => T`Bestellbestätigung Nr. ${x.ord}
Hallo ${x.p.first}, vielen Dank für Ihre Bestellung vom ${x.date}, ${x.time} Uhr.

  ${x.qty} × ${x.product} (Art.-Nr. ${x.sku}${x.ean ? cat(', EAN ', x.ean) : ''})   ${x.price}
  Gesamtsumme: ${x.total} inkl. ${x.tax} % MwSt. (${x.taxAmt})

Zahlungsart: ${x.brand} **** ${x.last4}
Lieferadresse: ${x.p.full}, ${x.addr}
Tel.: ${x.ph}
Sendungsnummer: ${x.track}
Fragen? Rufen Sie uns an: ${x.support} (Mo–Fr 8–18 Uhr) oder schreiben Sie an ${x.supportEmail}.`,
  FR: (x) => T`Confirmation de commande n° ${x.ord}
Bonjour ${x.p.first},
Merci pour votre commande du ${x.date} à ${x.time}.

  ${x.qty} × ${x.product} (réf. ${x.sku}${x.ean ? cat(', EAN ', x.ean) : ''}) — ${x.price}
  Total TTC : ${x.total} (dont TVA ${x.tax} % : ${x.taxAmt})

Payé par carte ${x.brand} se terminant par ${x.last4}
Livraison : ${x.p.full}, ${x.addr}
Tél. : ${x.ph}
Colissimo n° ${x.track}
Service client : ${x.support} (appel non surtaxé) — ${x.supportEmail}`,
  NL: (x) => T`Bestelbevestiging ${x.ord}
Hallo ${x.p.first}, bedankt voor je bestelling van ${x.date}.
  ${x.qty}x ${x.product} (art.nr. ${x.sku}) ${x.price}
  Totaal: ${x.total} incl. ${x.tax}% btw
Betaald met ${x.brand} eindigend op ${x.last4}
Bezorgadres: ${x.p.full}, ${x.addr}
Telefoon: ${x.ph}
Track & Trace: ${x.track}
Vragen? Bel ${x.support} of mail ${x.supportEmail}.`,
  IT: (x) => T`Conferma d'ordine n. ${x.ord}
Ciao ${x.p.first}, grazie per il tuo ordine del ${x.date}.
  ${x.qty} × ${x.product} (cod. ${x.sku}) ${x.price}
  Totale: ${x.total} IVA ${x.tax}% inclusa
Pagato con ${x.brand} che termina con ${x.last4}
Spedizione: ${x.p.full}, ${x.addr}
Tel.: ${x.ph}
Tracking: ${x.track}
Assistenza: ${x.support} — ${x.supportEmail}`,
  JP: (x) => T`【ご注文確認】注文番号：${x.ord}
${x.p.last} ${x.p.first} 様
${x.date} ${x.time} にご注文いただきありがとうございます。
  ${x.product} × ${x.qty}　${x.price}
  合計：${x.total}（税込、消費税 ${x.tax}%）
お支払い：${x.brand}（末尾 ${x.last4}）
お届け先：${x.addr} ${x.p.last}様
${pick(['電話番号：', 'TEL：', 'お電話：', 'TEL.', 'TEL'])}${x.ph}
お問い合わせ：${x.support}（平日10時〜18時）／${x.supportEmail}`,
  BR: (x) => T`Confirmação do pedido nº ${x.ord}
Olá ${x.p.first}, obrigado pela sua compra em ${x.date}.
  ${x.qty}x ${x.product} (cód. ${x.sku}) ${x.price}
  Total: ${x.total} em ${ri(1, 10)}x sem juros
Pagamento: ${x.brand} final ${x.last4}
Entrega: ${x.p.full}, ${x.addr}
Telefone: ${x.ph}
Rastreio: ${x.track}
SAC: ${x.support} — ${x.supportEmail}`,
};
const ADDR = { US: () => `${ri(10, 9999)} ${pick(['Oak St', 'Main Street', 'Sunset Blvd'])}, Apt ${ri(1, 40)}, ${pick(['Austin, TX 78701', 'Seattle, WA 98101-2345', 'Boston, MA 02116'])}`, CA: () => `${ri(10, 999)} Queen St W, Toronto, ON M5H 2N2`, GB: () => `${ri(1, 220)} ${pick(['Baker Street', 'High Street', 'Church Road'])}, ${pick(['London NW1 6XE', 'Leeds LS1 4AP', 'Manchester M1 1AE'])}`, AU: () => `${ri(1, 300)} George St, Sydney NSW 2000`, IN: () => `Flat ${ri(101, 1204)}, ${pick(['Andheri East, Mumbai 400069', 'Koramangala, Bengaluru 560034', 'Sector 62, Noida 201309'])}`, DE: () => `${pick(['Hauptstraße', 'Bahnhofstr.', 'Unter den Linden'])} ${ri(1, 120)}, ${pick(['10117 Berlin', '80331 München', '50667 Köln'])}`, FR: () => `${ri(1, 200)} ${pick(['rue de Rivoli', 'avenue des Champs-Élysées', 'boulevard Haussmann'])}, ${pick(['75001 Paris', '69002 Lyon', '13001 Marseille'])}`, NL: () => `${pick(['Damrak', 'Keizersgracht', 'Coolsingel'])} ${ri(1, 300)}, ${pick(['1012 LG Amsterdam', '3011 AD Rotterdam'])}`, IT: () => `Via ${pick(['Roma', 'Garibaldi', 'Dante'])} ${ri(1, 150)}, ${pick(['20121 Milano (MI)', '00184 Roma (RM)', '10121 Torino (TO)'])}`, JP: () => `〒${digits(3)}-${digits(4)} 東京都${pick(['千代田区丸の内', '渋谷区神南', '港区六本木'])}${ri(1, 9)}-${ri(1, 20)}-${ri(1, 30)}`, BR: () => `Rua ${pick(['Augusta', 'das Flores', 'XV de Novembro'])}, ${ri(10, 3000)} - ${pick(['São Paulo - SP, 01305-000', 'Rio de Janeiro - RJ, 22071-900'])}` };
export function order() {
  const loc = pick(LOCS);
  const p = person(loc);
  const lang = ORDER_TXT[loc] ? loc : 'en';
  const ordRaw = orderNo(loc);
  const x = {
    p, ord: ordRaw, ordLabel: pick(['#', 'No. ', '', 'Nr ']), date: date(loc), time: time(), qty: ri(1, 4), product: product(), skuLabel: pick(['SKU', 'Item', 'ASIN', 'Model']), sku: sku()(),
    ean: chance(0.45) ? ean13() : null, price: price(loc), sub: price(loc), tax: pick(['7', '8.875', '19', '20', '10', '21', '22', '5']), taxAmt: price(loc), total: price(loc),
    brand: brand(), last4: digits(4), auth: upper(1) + digits(5), addr: ADDR[loc](), ph: phone(loc), track: tracking(), support: phone(loc, { noFullwidth: true }), supportEmail: roleEmail(), items: ri(1, 5),
  };
  x.trackLabel = trackingLabel(x.track);
  let doc = ORDER_TXT[lang](x);
  if (chance(0.12)) doc = cat(doc, '\n', T`Card on file: ${card()} (updated ${date(loc)})`);
  if (chance(0.15)) doc = cat(doc, '\n', T`Gift card ${IG(pick(['6006', '6036', '6274']) + digits(12), 'gift card number')} balance ${price(loc)}`);
  return { family: 'order', loc, doc };
}

// Transactional notifications as JSON tool results (Shopify/Stripe-like payloads).
export function orderJson() {
  const loc = pick(LOCS);
  const p = person(loc);
  const last4 = digits(4);
  const o = {
    id: Number(nz(13)), name: `#${ri(1001, 99999)}`, order_number: ri(1001, 99999), email: email(loc, p), phone: chance(0.6) ? phone(loc, { noFullwidth: true }) : null,
    created_at: isoTs(false), currency: pick(['USD', 'EUR', 'GBP', 'JPY', 'BRL', 'INR', 'AUD']), total_price: (ri(500, 99999) / 100).toFixed(2), total_tax: (ri(10, 2000) / 100).toFixed(2),
    line_items: [{ id: Number(nz(14)), sku: sku()(), barcode: chance(0.6) ? ean13() : null, title: product(), quantity: ri(1, 3), price: (ri(500, 9999) / 100).toFixed(2), grams: ri(50, 4000) }],
    shipping_address: { name: p.full, address1: ADDR[loc](), phone: chance(0.5) ? phone(loc, { noFullwidth: true }) : null, country_code: loc, latitude: +(R() * 90).toFixed(6), longitude: +(R() * 180 - 90).toFixed(6) },
    payment_details: { credit_card_bin: digits(6), credit_card_number: `•••• •••• •••• ${last4}`, credit_card_company: brand(), avs_result_code: 'Y' },
    fulfillments: [{ tracking_number: tracking(), tracking_company: pick(['UPS', 'DHL Express', 'Yamato', 'Correios', 'Royal Mail', 'Australia Post']) }],
    browser_ip: ipv4('public'), checkout_token: IG(hex(32), 'Shopify checkout token (identifier or secret?)'), cart_token: IG(`c1-${hex(32)}`, 'Shopify cart token (identifier or secret?)'), note: null,
  };
  if (o.phone === null) delete o.phone;
  if (o.shipping_address.phone === null) delete o.shipping_address.phone;
  return { family: 'order-json', loc, doc: J(o, { indent: chance(0.4) ? 2 : 0 }) };
}

// ---------------------------------------------------------------- bank statements & payment notifications
export function bank() {
  const loc = pick(['DE', 'FR', 'NL', 'IT', 'GB', 'DE', 'FR']);
  const p = person(loc);
  const own = iban(pick(['groups', 'groups', 'compact', 'lower']));
  const other = iban(pick(['groups', 'compact']));
  const badIban = ibanCompact(pick(['DE', 'FR', 'NL', 'IT', 'ES']), true);
  const bic = pick(['COBADEFFXXX', 'DEUTDEDBBER', 'BNPAFRPPXXX', 'INGBNL2A', 'UNCRITMMXXX', 'NWBKGB2L', 'SOGEFRPP']);
  const amt = price(loc);
  const cred = `${pick(['DE', 'FR', 'NL', 'IT'])}${digits(2)}ZZZ${digits(11)}`;
  const lines = [];
  if (loc === 'DE') {
    lines.push(T`Kontoauszug ${ri(1, 12)}/${pick([2024, 2025])} — ${p.full}`, T`IBAN: ${own}  BIC: ${bic}`, T`Buchungstag  Wertstellung  Verwendungszweck                               Betrag`);
    lines.push(T`${date(loc)}  ${date(loc)}  SEPA-Lastschrift ${pick(['Stadtwerke München', 'Vodafone GmbH', 'Allianz'])} Mandatsreferenz MR-${nz(8)} Gläubiger-ID ${cred}   -${amt}`);
    lines.push(T`${date(loc)}  ${date(loc)}  Überweisung an ${person(loc).full} IBAN ${other} Rechnung RE-${pick([2024, 2025])}-${digits(5)}   -${price(loc)}`);
    lines.push(T`${date(loc)}  ${date(loc)}  Kartenzahlung REWE ${digits(4)} ${pick(['Berlin', 'Köln'])} Karte ${digits(4)} **** **** ${digits(4)}   -${price(loc)}`);
    lines.push(T`Alter Kontostand: ${price(loc)}   Neuer Kontostand: ${price(loc)}`);
    if (chance(0.3)) lines.push(T`Hinweis: Rückfragen unter ${phone('DE', { noFullwidth: true })} (Kundennummer ${nz(10)}). Ungültige Empfänger-IBAN ${badIban} wurde abgelehnt.`);
  } else if (loc === 'FR') {
    lines.push(T`Relevé de compte n° ${ri(1, 12)} — ${p.full}`, T`IBAN : ${own} — BIC : ${bic}`, T`Date      Libellé                                           Débit      Crédit`);
    lines.push(T`${date(loc)}  PRLV SEPA ${pick(['EDF', 'FREE MOBILE', 'SFR'])} RUM ${upper(3)}${nz(10)} ICS ${cred}   ${amt}`);
    lines.push(T`${date(loc)}  VIR SEPA ${person(loc).full} ${other} REF ${nz(12)}              ${price(loc)}`);
    lines.push(T`${date(loc)}  CB CARREFOUR ${pad(ri(1, 28), 2)}/${pad(ri(1, 12), 2)} CARTE X${digits(4)}   ${price(loc)}`);
    if (chance(0.3)) lines.push(T`Votre conseiller : ${person(loc).full}, ${phone('FR', { noFullwidth: true })}. IBAN bénéficiaire invalide : ${badIban}`);
  } else if (loc === 'GB') {
    lines.push(T`Statement for ${p.full} — Sort code ${digits(2)}-${digits(2)}-${digits(2)} Account ${nz(8)}`, T`IBAN ${own}  BIC ${bic}`);
    lines.push(T`${date(loc)}  DD ${pick(['THAMES WATER', 'BRITISH GAS', 'COUNCIL TAX'])} REF ${nz(10)}   ${price(loc)}`);
    lines.push(T`${date(loc)}  FPO ${person(loc).full} ${other}   ${price(loc)}`);
    lines.push(T`${date(loc)}  CARD PAYMENT TESCO STORES ${digits(4)} ${time()}   ${price(loc)}`);
    if (chance(0.3)) lines.push(T`Lost or stolen cards: ${phone('GB', { noFullwidth: true })} or from abroad ${phone('GB', { style: ['intl', 'trunkmark', 'intl00'] })}`);
  } else {
    const l = loc === 'NL' ? ['Rekeningoverzicht', 'Bij/Af', 'Omschrijving'] : ['Estratto conto', 'Dare/Avere', 'Descrizione'];
    lines.push(T`${l[0]} ${p.full}`, T`IBAN ${own} BIC ${bic}`, T`${date(loc)} ${l[2]}: ${pick(['Albert Heijn', 'Enel Energia', 'Ziggo', 'TIM'])} ${price(loc)} ${l[1]}`);
    lines.push(T`${date(loc)} ${person(loc).full} ${other} ${price(loc)}`);
    if (chance(0.3)) lines.push(T`${loc === 'NL' ? 'Klantenservice' : 'Servizio clienti'}: ${phone(loc, { noFullwidth: true })}`);
  }
  return { family: 'bank', loc, doc: join(lines, '\n') };
}

export function paymentNotification() {
  const loc = pick(LOCS);
  const p = person(loc);
  const kind = pick(['sepa', 'card', 'stripe-webhook', 'wire', 'refund']);
  let doc;
  if (kind === 'sepa') {
    doc = T`Payment received: ${price(loc)} from ${p.full} (${iban(pick(['groups', 'compact', 'lower']))}), end-to-end ID E2E-${nz(12)}, remittance "Invoice INV-${pick([2024, 2025])}-${pad(ri(1, 9999), 5)}". Booked ${isoTs(false)}.`;
  } else if (kind === 'card') {
    const c = card(pick(['space', 'compact']));
    doc = T`[payments] charge.failed amount=${ri(100, 99999)} currency=${pick(['usd', 'eur', 'gbp'])} card=${c} exp=${pad(ri(1, 12), 2)}/${ri(26, 31)} decline_code=${pick(['insufficient_funds', 'do_not_honor', 'expired_card'])} customer=cus_${rand(14)} ip=${ipv4('public')}`;
  } else if (kind === 'stripe-webhook') {
    doc = J({ id: `evt_${rand(24)}`, object: 'event', api_version: '2024-04-10', created: Number(epoch()), type: 'payment_intent.succeeded', data: { object: { id: `pi_${rand(24)}`, amount: ri(100, 99999), amount_received: ri(100, 99999), currency: 'eur', customer: `cus_${rand(14)}`, receipt_email: email(loc, p), payment_method_details: { card: { brand: 'visa', last4: digits(4), exp_month: ri(1, 12), exp_year: ri(2026, 2031), fingerprint: rand(16), country: loc } }, billing_details: { phone: phone(loc, { style: ['e164', 'intl'] }), email: email(loc, p) }, statement_descriptor: 'ACME*ORDER ' + nz(6) } }, livemode: true, request: { id: `req_${rand(14)}`, idempotency_key: uuid() } }, { indent: chance(0.5) ? 2 : 0 });
  } else if (kind === 'wire') {
    doc = T`Wire transfer instructions
Beneficiary: ${p.full}
IBAN: ${iban('groups')}
BIC/SWIFT: ${pick(['DEUTDEFF', 'BARCGB22', 'BNPAFRPP', 'CHASUS33'])}
Amount: ${price(loc)}  Reference: ${pick(['PO', 'INV'])}-${nz(7)}
Intermediary bank ABA ${nz(9)}, account ${nz(12)}
Contact: ${email(loc, p, { corp: true })} / ${phone(loc, { noFullwidth: true })}`;
  } else {
    doc = T`Refund ${price(loc)} issued to ${brand()} •••• ${digits(4)} for order ${orderNo(loc)} (RRN ${nz(12)}, ARN ${nz(23)}). Allow 5–10 business days.${chance(0.5) ? cat(' Questions: ', roleEmail()) : ''}`;
  }
  return { family: 'payment', loc, doc };
}

// ---------------------------------------------------------------- HR records
export function hr() {
  const loc = pick(['US', 'US', 'US', 'CA', 'GB', 'DE', 'IN']);
  const p = person(loc);
  const shape = pick(['card', 'csv', 'json', 'note']);
  const dob = `${ri(1958, 2002)}-${pad(ri(1, 12), 2)}-${pad(ri(1, 28), 2)}`;
  const sal = pick([`$${ri(45, 220)},${pick(['000', '500'])}`, `${ri(45, 180)}000`, `£${ri(28, 120)},000`, `€${ri(40, 140)}.000`]);
  let doc;
  if (shape === 'card') {
    doc = T`EMPLOYEE RECORD — ${p.full}
Employee ID: E${nz(6)}   Dept: ${pick(['Finance', 'Engineering', 'Sales', 'Ops'])}   Grade: ${pick(['L4', 'L5', 'M2'])}
DOB: ${dob}   Start date: ${isoTs(false).slice(0, 10)}
SSN: ${loc === 'US' ? ssn(pick(['dash', 'dash', 'space', 'compact'])) : '—'}
Salary: ${sal} / yr (${pick(['+3.5%', '+4%', '0%'])} merit)   Bonus target: ${ri(5, 20)}%
Direct deposit: routing ${nz(9)}, account ****${digits(4)}
Home phone: ${phone(loc, { noFullwidth: true })}   Personal email: ${email(loc, p)}
Emergency contact: ${person(loc).full} (${pick(['spouse', 'mother', 'partner'])}) ${phone(loc, { noFullwidth: true })}`;
  } else if (shape === 'csv') {
    const ssnCol = pick(['ssn', 'SSN', 'social_security_number', 'tax_id']);
    const rows = [T`employee_id,full_name,${ssnCol},dob,salary,hire_date,phone`];
    for (let i = 0; i < ri(3, 6); i++) {
      const q = person('US');
      let s = ssn(pick(['dash', 'dash', 'compact']));
      if (s.meta.style === 'compact') { s.scope = 'beyond'; s.note = 'compact SSN named only by a CSV header'; }
      if (ssnCol === 'tax_id' && s.meta.style === 'compact') s.note += ' (tax_id header)';
      rows.push(T`${nz(5)},${q.full},${s},${ri(1960, 2000)}-${pad(ri(1, 12), 2)}-${pad(ri(1, 28), 2)},${ri(48, 210)}000,${isoTs(false).slice(0, 10)},${phone('US', { style: ['dash', 'natl', 'dots'] })}`);
    }
    if (chance(0.3)) rows.push(T`${nz(5)},Test User,${badSsn()},1990-01-01,0,2024-01-01,555-0100`);
    doc = join(rows, '\n'); return { family: 'hr-csv', loc: 'US', doc };
  } else if (shape === 'json') {
    const s = ssn(pick(['dash', 'compact']));
    const key = pick(['ssn', 'SSN', 'social_security_number', 'nationalId', 'taxpayer_id']);
    if (s.meta.style === 'compact' && !/ssn/i.test(key)) { s.scope = 'beyond'; s.note = `compact SSN under key ${key}`; }
    doc = J({ employeeId: `E${nz(6)}`, name: p.full, dateOfBirth: dob, [key]: s, compensation: { base: Number(String(sal).replace(/\D/g, '')), currency: 'USD', bonusPct: ri(5, 20) }, contact: { email: email(loc, p, { corp: true }), mobile: phone('US') }, manager: `E${nz(6)}`, updatedAt: isoTs() }, { indent: chance(0.5) ? 2 : 0 });
    return { family: 'hr-json', loc: 'US', doc };
  } else {
    const s = ssn(pick(['dash', 'compact', 'compact']));
    const lead = s.meta.style === 'compact' ? pick(['SSN', 'SSN:', 'ssn#', 'Social Security No.', 'SSN on file:', 'employee SSN on file is', 'SSN/ITIN:']) : pick(['SSN', 'ss#', 'social', 'SSN on file:']);
    if (s.meta.style === 'compact' && !/^(SSN:?|ssn#|Social Security No\.)$/.test(lead)) { s.scope = 'beyond'; s.note = `compact SSN after "${lead}"`; }
    doc = T`HR note ${isoTs(false)}: ${p.full} (E${nz(6)}) updated W-4; ${lead} ${s}. New salary ${sal} effective ${date('US')}. Called employee at ${phone('US')} to confirm; left voicemail. Ticket HR-${nz(5)}.`;
  }
  return { family: 'hr', loc, doc };
}

// ---------------------------------------------------------------- medical reminders
export function medical() {
  const loc = pick(LOCS);
  const p = person(loc);
  const clinicPhone = phone(loc, { noFullwidth: chance(0.5), type: 'fixed' });
  const when = `${pick(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])} ${ri(1, 28)} ${pick(['May', 'Jun', 'Jul', 'Oct'])} at ${time()}`;
  const mrn = pick([`MRN: ${nz(8)}`, `MRN ${pad(ri(1, 999999), 8)}`, `Patient ID ${upper(2)}${nz(7)}`, `NHS No. `]);
  let doc;
  if (loc === 'DE') doc = T`Terminerinnerung: ${p.full}, Ihr Termin bei Dr. ${pick(['Becker', 'Wolf', 'Hoffmann'])} am ${date(loc)} um ${time()} Uhr (Praxis für Allgemeinmedizin, Raum ${ri(1, 30)}). Bitte Versichertenkarte mitbringen (Vers.-Nr. ${upper(1)}${nz(9)}). Absage bis 24 h vorher unter ${clinicPhone}.`;
  else if (loc === 'FR') doc = T`Rappel : RDV le ${date(loc)} à ${time().replace(':', 'h')} avec Dr ${pick(['Laurent', 'Petit', 'Roux'])}, cabinet ${pick(['Pasteur', 'Saint-Michel'])}. N° de sécurité sociale sur votre carte Vitale. Pour annuler : ${clinicPhone} ou doctolib. Dossier ${nz(7)}.`;
  else if (loc === 'JP') doc = T`【予約リマインダー】${p.last}様　${date(loc)} ${time()}　${pick(['内科', '歯科', '皮膚科'])}（診察券番号 ${nz(8)}）。変更・キャンセルは ${clinicPhone} までご連絡ください。`;
  else if (loc === 'BR') doc = T`Lembrete: consulta com Dr(a). ${pick(['Almeida', 'Santos', 'Ribeiro'])} em ${date(loc)} às ${time()}. Carteirinha ${nz(15)}. Para remarcar ligue ${clinicPhone} ou WhatsApp ${phone('BR', { type: 'mobile', style: ['natl', 'intl-dash', 'noparen'] })}.`;
  else if (loc === 'IT') doc = T`Promemoria: visita ${pick(['cardiologica', 'oculistica'])} il ${date(loc)} ore ${time()}, ambulatorio ${ri(1, 12)}. Impegnativa n. ${nz(10)}. Per disdire chiamare il CUP ${clinicPhone}.`;
  else if (loc === 'NL') doc = T`Herinnering: afspraak bij de huisarts op ${date(loc)} om ${time()}. Afzeggen uiterlijk 24 uur vooraf via ${clinicPhone}. BSN bekend bij praktijk. Dossiernr ${nz(7)}.`;
  else {
    const nhs = loc === 'GB' && chance(0.5) ? IG(`${digits(3)} ${digits(3)} ${digits(4)}`, 'NHS number') : null;
    doc = T`Reminder: ${p.first}, your appointment with Dr. ${pick(['Patel', 'Nguyen', 'Okafor', 'Smith'])} is on ${when} at ${pick(['Riverside Clinic', 'St Mary\'s Outpatients', 'Northside Family Practice'])}, Suite ${ri(100, 450)}. ${nhs ? cat('NHS No. ', nhs) : mrn + (mrn.endsWith(' ') ? nz(10) : '')}. DOB ${date(loc)}. To reschedule call ${clinicPhone}${chance(0.3) ? ' option ' + ri(1, 5) : ''} or reply C to cancel. Copay est. ${price(loc)}.`;
    if (chance(0.3)) doc = cat(doc, T` Pharmacy: ${phone(loc, { noFullwidth: true })}. Rx #${nz(7)}, ${ri(10, 500)} mg, qty ${ri(10, 90)}.`);
  }
  if (chance(0.2)) doc = cat(doc, T`\nPatient contact on file: ${email(loc, p)}, ${phone(loc, { noFullwidth: true })}`);
  return { family: 'medical', loc, doc };
}

// ---------------------------------------------------------------- travel bookings
const AIRLINES = [['LH', '220'], ['BA', '125'], ['AF', '057'], ['KL', '074'], ['UA', '016'], ['AA', '001'], ['DL', '006'], ['NH', '205'], ['JL', '131'], ['QF', '081'], ['AI', '098'], ['AZ', '055'], ['LA', '045'], ['EK', '176']];
export function travel() {
  const loc = pick(LOCS);
  const p = person(loc);
  const [al, code] = pick(AIRLINES);
  const pnr = rand(6, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789');
  const etkt = code + digits(10);
  const etktText = pick([etkt, `${code}-${etkt.slice(3)}`, `${code} ${etkt.slice(3)}`]);
  const etktLabel = pick(['E-ticket', 'Ticket number', 'ETKT', 'eTicket', 'Tkt', 'TKNE']);
  const hotelPhone = phone(pick(LOCS), { noFullwidth: true, type: 'fixed' });
  const shape = pick(['itinerary', 'json', 'gds']);
  let doc;
  if (shape === 'itinerary') {
    doc = T`Booking confirmed — PNR ${pnr}
Passenger: ${p.last.toUpperCase()}/${p.first.toUpperCase()} ${pick(['MR', 'MS', 'MRS'])}  Passport ${upper(1)}${rand(8, '0123456789ABCDEFGHJKLMNPRSTUVWXYZ')} exp ${date(loc)}
${al} ${ri(1, 9999)}  ${pick(['FRA', 'LHR', 'CDG', 'AMS', 'JFK', 'HND', 'SYD', 'DEL', 'FCO', 'GRU', 'YYZ'])}→${pick(['ORD', 'SIN', 'DXB', 'LAX', 'NRT', 'BOM', 'MUC'])}  ${ri(1, 28)}${pick(['MAY', 'JUN', 'OCT'])} ${time()}–${time()}  Seat ${ri(1, 60)}${pick(['A', 'C', 'F', 'K'])}  Bag 23 kg
${etktLabel}: ${etktText}   Fare ${price(loc)}  FF ${al}${nz(9)}
Hotel: ${pick(['Hotel Adlon Kempinski', 'The Savoy', 'Park Hyatt Tokyo', 'Taj Mahal Palace', 'Copacabana Palace', 'Hotel Artemide'])}, conf. ${nz(ri(8, 10))}, check-in ${date(loc)} 15:00, ${ri(1, 5)} nights, room ${ri(100, 2400)}
Hotel phone: ${hotelPhone}
Traveller contact: ${email(loc, p)} / ${phone(loc)}`;
  } else if (shape === 'json') {
    doc = J({ pnr, status: 'HK', passengers: [{ name: { first: p.first, last: p.last }, dateOfBirth: `${ri(1960, 2005)}-${pad(ri(1, 12), 2)}-${pad(ri(1, 28), 2)}`, document: { type: 'P', number: IG(`${upper(2)}${nz(7)}`, 'passport number'), expiry: `20${ri(26, 34)}-0${ri(1, 9)}-1${ri(0, 9)}` }, contact: { email: email(loc, p), phone: phone(loc, { style: ['e164', 'intl'] }) }, loyalty: { program: al, number: nz(9) }, ticketNumber: etkt }], segments: [{ flight: `${al}${ri(1, 999)}`, departure: isoTs(false), arrival: isoTs(false), cabin: 'Y', seat: `${ri(1, 45)}C`, aircraft: pick(['A320', 'B789', 'A359']) }], hotel: { name: 'Hotel Artemide', confirmation: nz(9), phone: hotelPhone, lat: +(R() * 60).toFixed(5), lng: +(R() * 100).toFixed(5) }, total: { amount: ri(200, 4000), currency: 'EUR' } }, { indent: chance(0.5) ? 2 : 0 });
  } else {
    doc = T`RP/${upper(3)}1A${ri(1000, 9999)}/${upper(3)}1A${ri(1000, 9999)}  AA/SU  ${ri(10, 28)}MAY24/${ri(1000, 2359)}Z   ${pnr}
  1.${p.last.toUpperCase()}/${p.first.toUpperCase()} MR
  2  ${al}${ri(100, 999)} Y ${ri(10, 28)}MAY 3 FRAORD HK1  1025 1240   *1A/E*
  3 AP ${phone(loc, { style: ['e164', 'intl'] })}
  4 APE ${((em) => { em.text = em.text.toUpperCase(); return em; })(email(loc, p))}
  5 TK OK${ri(10, 28)}MAY/FRA${upper(1)}${ri(1000, 9999)}
  6 FA PAX ${etktText}/ETLH/EUR${ri(200, 3000)}.${pad(ri(0, 99), 2)}/${ri(10, 28)}MAY24/FRAL${ri(1000, 9999)}/${nz(8)}
  7 FP CC${pick(['VI', 'CA', 'AX'])}XXXXXXXXXXXX${digits(4)}/${pad(ri(1, 12), 2)}${ri(26, 30)}`;
  }
  return { family: 'travel', loc, doc };
}
