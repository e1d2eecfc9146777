// Hard positives: phones, emails and cards written the ways people and systems actually write them.
import { doc, S, ri, pick, chance, chars, digits, ALNUM, LOW, person, email, phone, phoneVariants, phoneValid, card, groupCard } from './lib.mjs';
import { P, E, IG, IN_SCOPE } from './gen-docs1.mjs';

const Pw = (country, make, sub) => { for (let k = 0; k < 50; k++) { const p = phone(country); const s = make(p, phoneVariants(p)); if (s && phoneValid(s, country)) return S('PHONE', s, { sub: `${country}:${sub}`, country, scope: 'in' }); } throw new Error('Pw ' + sub); };
export function phoneHard() {
  return pick([
    () => doc`Support line #: ${P('US', ['one', 'dash'])}`,
    () => doc`Tel/Fax: ${P('DE', ['trunkMark', 'intl'])} / -${ri(10, 99)}`,
    () => doc`Ph: ${Pw('US', (p) => `+1.${p.nationalNumber.slice(0, 3)}.${p.nationalNumber.slice(3, 6)}.${p.nationalNumber.slice(6)}`, 'dotted-intl')}`,
    () => doc`call ${IG(`(+44) ${phoneVariants(phone('GB')).intl.slice(4)}`, '(+44) form rejected by libphonenumber')} today`,
    () => doc`Mobile: ${Pw('DE', (p, v) => `+49-(0)${v.intl.slice(4).replace(/ /g, '-')}`, 'dash-trunk')}`,
    () => doc`Office ${P('US', ['plusParen', 'dash'])} x${ri(100, 999)}`,
    () => doc`${P('US', ['nat'])} ext. ${ri(10, 9999)} (ask for ${person().first})`,
    () => doc`Reach our EU desk at ${Pw('NL', (p, v) => v.intl.replace(/ /g, ''), 'e164-ish')}.`,
    () => doc`{"mobile": "${Pw('IN', (p) => (p.getType() === 'MOBILE' ? p.nationalNumber : null), 'compact-mobile')}", "country": "IN"}`,
    () => doc`{"tel": "${Pw('FR', (p, v) => v.compactNat, 'compact')}"}`,
    () => doc`"phone_number": "${Pw('US', (p) => p.nationalNumber, 'compact')}"`,
    () => doc`SMS sent to ${P(pick(IN_SCOPE), ['e164'])} (status: delivered, segments: ${ri(1, 3)})`,
    () => doc`Customer called from ${P(pick(['GB', 'AU', 'IT', 'JP', 'BR']), ['nat', 'intl'])} at ${ri(1, 12)}:${ri(10, 59)}pm about ticket ${ri(10000, 99999)}`,
    () => doc`Kontakt: ${Pw('DE', (p, v) => v.nat.replace(/^(0\d+) (\d+)$/, '$1 - $2'), 'spaced-dash')}`,
    () => doc`Rufnummer ${Pw('DE', (p, v) => (v.slash ? v.slash.replace('/', ' / ') : null), 'spaced-slash')}`,
    () => doc`telefono: ${Pw('IT', (p, v) => v.intl.replace(/ /g, '.'), 'dotted')}`,
    () => doc`電話 ${Pw('JP', (p, v) => `(${v.nat.split('-')[0]}) ${v.nat.split('-').slice(1).join('-')}`, 'paren-area')}`,
    () => doc`AU: ${Pw('AU', (p, v) => (p.getType() === 'MOBILE' ? v.compactNat.replace(/^(\d{4})(\d{3})(\d{3})$/, '$1 $2 $3') : null), 'mobile-4-3-3')}`,
    () => doc`whatsapp: ${P('BR', ['intl', 'e164'])} | telegram: @${person().first.toLowerCase()}`,
    () => doc`tel:${P(pick(IN_SCOPE), ['e164'])}`,
    () => doc`phone=${P(pick(IN_SCOPE), ['e164'])}&country=${pick(IN_SCOPE)}`,
    () => doc`${pick(['Handy', 'Mobil', 'Rufnummer'])}: ${Pw('DE', (p, v) => v.compactNat, 'compact-de-word')}`,
    () => doc`${pick(['Tél', 'Portable', 'Téléphone'])} : ${Pw('FR', (p, v) => v.compactNat, 'compact-fr-word')}`,
    () => doc`${pick(['celular', 'telefone', 'whats'])} ${Pw('BR', (p) => p.nationalNumber, 'compact-br-word')}`,
    () => doc`${pick(['電話番号', '携帯', 'TEL'])}：${Pw('JP', (p, v) => v.compactNat, 'compact-jp-word')}`,
    () => doc`${pick(['cellulare', 'cell.', 'telefono'])} ${Pw('IT', (p) => (p.getType() === 'MOBILE' ? p.nationalNumber : null), 'compact-it-word')}`,
    () => doc`Caller ID: ${P('US', ['one', 'nat', 'plusParen'])}; duration 00:0${ri(1, 9)}:${ri(10, 59)}`,
  ])();
}
export function emailHard() {
  const p = person(pick(['en', 'de', 'fr', 'ja', 'hi']));
  const f = email(p).split('@')[0];
  return pick([
    () => doc`From: "${p.full}" <${S('EMAIL', `${f}@${pick(['eu.mail.acme-corp.com', 'dept.uni-heidelberg.de', 'cs.stanford.edu'])}`, { sub: 'subdomain' })}>`,
    () => doc`Reply to ${S('EMAIL', `${f.toUpperCase()}@${pick(['EXAMPLE.COM', 'GMAIL.COM'])}`, { sub: 'uppercase' })}`,
    () => doc`${S('EMAIL', `${f}@${pick(['acme.dev', 'startup.ai', 'shop.store', 'studio.design', 'team.app', 'mail.museum'])}`, { sub: 'new-gtld' })} joined the workspace`,
    () => doc`?redirect=%2Fhome&email=${S('EMAIL', `${f}%40${pick(['gmail.com', 'web.de'])}`, { sub: 'urlencoded' })}&utm_source=newsletter`,
    () => doc`<a href="mailto:${S('EMAIL', `${f}@${pick(['gmail.com', 'firma.de'])}`, { sub: 'mailto' })}?cc=${S('EMAIL', `${email()}`, { sub: 'mailto-cc' })}&subject=Hi">`,
    () => doc`Kontakt: ${S('EMAIL', `${f}@${pick(['müller-bau.de', 'bücher.de'])}`, { sub: 'idn-domain' })}`,
    () => doc`contact: ${S('EMAIL', `${pick(['josé', 'françois', 'jürgen'])}.${pick(['garcía', 'müller'])}@${pick(['gmail.com', 'web.de'])}`, { sub: 'unicode-local' })}`,
    () => doc`Signed-off-by: ${p.full} <${S('EMAIL', email(p), { sub: 'git-trailer' })}>`,
    () => doc`"${f}"@example.com is not the same as ${S('EMAIL', `${f}@example.com`, { sub: 'plain' })}`,
    () => doc`mail ${S('EMAIL', `${f}@${pick(['gmail.com', 'outlook.com'])}`, { sub: 'sentence-end' })}.`,
    () => doc`emails: ${S('EMAIL', email(), { sub: 'list' })};${S('EMAIL', email(), { sub: 'list' })},${S('EMAIL', email(), { sub: 'list' })}`,
    () => doc`[${S('EMAIL', email(p), { sub: 'brackets' })}](mailto:${S('EMAIL', email(p), { sub: 'md-mailto' })})`,
    () => doc`user ${S('EMAIL', `${f}@${pick(['yahoo.co.jp', 'rediffmail.com', 'mail.ru', 'qq.com', 'naver.com'])}`, { sub: 'regional' })} logged in from ${S('IP', `${ri(23, 223)}.${ri(0, 255)}.${ri(0, 255)}.${ri(1, 254)}`)}`,
    () => doc`${S('EMAIL', `${f}@${pick(['gmail.com', 'icloud.com'])}`, { sub: 'in-word-context' })}'s calendar`,
  ])();
}
export function cardHard() {
  const c = card();
  return pick([
    () => doc`Card #${S('CARD', c.digits, { sub: 'hash-compact' })} declined`,
    () => doc`{"pan": "${S('CARD', c.digits, { sub: 'json-compact' })}", "exp": "${ri(1, 12)}/${ri(25, 31)}"}`,
    () => doc`?cc=${S('CARD', c.digits, { sub: 'query' })}&cvv=${S('SECRET', String(ri(100, 999)), { sub: 'cvv-query' })}`,
    () => doc`card number: ${S('CARD', c.digits, { sub: 'compact' })}`,
    () => doc`Visa ${S('CARD', groupCard(c.digits, ' '), { sub: 'spaced' })}, billing zip ${digits(5)}`,
    () => doc`payment_method=card&card[number]=${S('CARD', c.digits, { sub: 'form' })}&card[exp_month]=${ri(1, 12)}`,
    () => doc`credit card ${S('CARD', groupCard(c.digits, '.'), { sub: 'dotted' })}`,
    () => doc`cc: ${S('CARD', groupCard(c.digits, ' - '), { sub: 'spaced-dash' })}`,
    () => doc`account ${S('CARD', c.digits, { sub: 'after-account' })} (the card on file)`,
    () => doc`Charged ${'$' + ri(10, 999)}.${digits(2)} to ${S('CARD', groupCard(c.digits, '-'), { sub: 'dash' })} on ${ri(1, 12)}/${ri(1, 28)}`,
  ])();
}
