/**
 * Where the generated people come from. A name is either plain ASCII or [as written, in Latin
 * letters]; the Latin form makes the e-mail address, as most directories do.
 */
export type PoolName = string | readonly [string, string];

export interface Culture {
  firstNames: readonly PoolName[];
  lastNames: readonly PoolName[];
  timezones: readonly string[];
  languages: readonly string[];
  phoneCode: string;
  country: string;
  /** How often this culture occurs, relative to the others. */
  weight: number;
}

export const CULTURES: readonly Culture[] = [
  {
    firstNames: ['James', 'Mary', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'William', 'Linda', 'Ashley', 'Tyler', 'Brianna', 'DeShawn'],
    lastNames: [
      'Smith',
      'Johnson',
      'Williams',
      'Brown',
      'Jones',
      "O'Brien",
      'McDonald',
      'Davis',
      'Miller',
      'Wilson',
      'Taylor-Reed',
      'Nguyen',
    ],
    timezones: [
      'America/New_York',
      'America/Chicago',
      'America/Denver',
      'America/Los_Angeles',
      'America/Phoenix',
      'America/Anchorage',
      'Pacific/Honolulu',
    ],
    languages: ['en-US'],
    phoneCode: '+1',
    country: 'US',
    weight: 30,
  },
  {
    firstNames: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Siobhán', 'Eóin', 'Niamh'],
    lastNames: ['Clarke', 'Hughes', 'Evans', "O'Sullivan", 'Ní Bhriain', 'Fitzgerald', 'Walsh', 'Patel'],
    timezones: ['Europe/London', 'Europe/Dublin'],
    languages: ['en-US'],
    phoneCode: '+44',
    country: 'GB',
    weight: 8,
  },
  {
    firstNames: ['Jürgen', 'Lena', 'Lukas', 'Anna-Lena', 'Jörg', 'Sophie', 'Maximilian', 'Käthe'],
    lastNames: ['Müller', 'Schröder', 'Weiß', 'Groß', 'Schmidt', 'von Bülow', 'Hoffmann', 'Köhler'],
    timezones: ['Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich'],
    languages: ['de-DE'],
    phoneCode: '+49',
    country: 'DE',
    weight: 8,
  },
  {
    firstNames: ['Hélène', 'François', 'Jean-Luc', 'Amélie', 'Chloé', 'Noël', 'Thomas', 'Léa'],
    lastNames: ['Lefèvre', 'Dubois', 'Moreau', 'Girard', "D'Arcy", 'Bérubé', 'Lambert', 'Roux'],
    timezones: ['Europe/Paris', 'America/Montreal', 'Europe/Brussels'],
    languages: ['fr-FR'],
    phoneCode: '+33',
    country: 'FR',
    weight: 6,
  },
  {
    firstNames: ['José', 'María José', 'Iñaki', 'Lucía', 'Sofía', 'Ángel', 'Camila', 'Mateo'],
    lastNames: ['García', 'Núñez', 'Peña', 'Rodríguez', 'Martínez', 'Ibáñez', 'de la Cruz', 'Fernández'],
    timezones: [
      'Europe/Madrid',
      'America/Mexico_City',
      'America/Bogota',
      'America/Argentina/Buenos_Aires',
      'America/Lima',
      'America/Santiago',
    ],
    languages: ['es-ES'],
    phoneCode: '+34',
    country: 'ES',
    weight: 6,
  },
  {
    firstNames: ['João', 'Conceição', 'Luís', 'Ana Clara', 'Thiago', 'Beatriz'],
    lastNames: ['Gonçalves', 'Araújo', 'Simões', 'Magalhães', 'Silva', 'Conceição'],
    timezones: ['America/Sao_Paulo', 'Europe/Lisbon'],
    languages: ['pt-PT'],
    phoneCode: '+55',
    country: 'BR',
    weight: 4,
  },
  {
    firstNames: ['Björn', 'Åsa', 'Søren', 'Ólafur', 'Sigríður', 'Ærø', 'Linnéa', 'Øystein'],
    lastNames: ['Ångström', 'Sørensen', 'Jóhannsdóttir', 'Lindqvist', 'Bjørnstad', 'Hæstad', 'Nyström', 'Þórsson'],
    timezones: ['Europe/Stockholm', 'Europe/Copenhagen', 'Europe/Oslo', 'Atlantic/Reykjavik', 'Europe/Helsinki'],
    languages: ['sv-SE', 'en-US'],
    phoneCode: '+46',
    country: 'SE',
    weight: 4,
  },
  {
    firstNames: ['Łukasz', 'Zofia', 'Paweł', 'Małgorzata', 'Wojciech', 'Agnieszka'],
    lastNames: ['Wąsowski', 'Kowalczyk', 'Żółkiewski', 'Nowak', 'Wiśniewska', 'Dąbrowski'],
    timezones: ['Europe/Warsaw', 'Europe/Prague'],
    languages: ['pl-PL'],
    phoneCode: '+48',
    country: 'PL',
    weight: 3,
  },
  {
    firstNames: [['太郎', 'taro'], ['花子', 'hanako'], ['健太', 'kenta'], ['さくら', 'sakura'], 'Yuki', 'Haruto'],
    lastNames: [['佐藤', 'sato'], ['鈴木', 'suzuki'], ['高橋', 'takahashi'], ['山田', 'yamada'], 'Tanaka', 'Watanabe'],
    timezones: ['Asia/Tokyo'],
    languages: ['ja-JP'],
    phoneCode: '+81',
    country: 'JP',
    weight: 5,
  },
  {
    firstNames: [['伟', 'wei'], ['芳', 'fang'], ['秀英', 'xiuying'], ['明', 'ming'], 'Li', 'Jun'],
    lastNames: [['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], 'Chen', 'Huang'],
    timezones: ['Asia/Shanghai', 'Asia/Taipei', 'Asia/Hong_Kong', 'Asia/Singapore'],
    languages: ['zh-CN', 'zh-TW'],
    phoneCode: '+86',
    country: 'CN',
    weight: 5,
  },
  {
    firstNames: [['민준', 'minjun'], ['서연', 'seoyeon'], 'Jiwoo', 'Hyun'],
    lastNames: [['김', 'kim'], ['이', 'lee'], ['박', 'park'], 'Choi'],
    timezones: ['Asia/Seoul'],
    languages: ['ko-KO'],
    phoneCode: '+82',
    country: 'KR',
    weight: 3,
  },
  {
    firstNames: [['Иван', 'ivan'], ['Ольга', 'olga'], ['Дмитрий', 'dmitry'], ['Наталья', 'natalya'], 'Sergei', 'Anastasia'],
    lastNames: [['Петров', 'petrov'], ['Смирнова', 'smirnova'], ['Кузнецов', 'kuznetsov'], ['Соколова', 'sokolova'], 'Volkov', 'Morozova'],
    timezones: ['Europe/Moscow', 'Asia/Yekaterinburg', 'Asia/Almaty'],
    languages: ['ru-RU'],
    phoneCode: '+7',
    country: 'RU',
    weight: 3,
  },
  {
    firstNames: ['Priya', 'Arjun', ['प्रिया', 'priya'], 'Aarav', 'Ananya', 'Rohan', 'Lakshmi'],
    lastNames: ['Sharma', 'Iyer', ['शर्मा', 'sharma'], 'Reddy', 'Gupta', 'Venkataraghavan', 'Das'],
    timezones: ['Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Dhaka'],
    languages: ['en-US'],
    phoneCode: '+91',
    country: 'IN',
    weight: 6,
  },
  {
    firstNames: [['محمد', 'mohammed'], ['فاطمة', 'fatima'], 'Omar', 'Layla', 'Youssef'],
    lastNames: [['العلي', 'alali'], 'Al-Hassan', 'Haddad', 'El Amrani', 'Nasser'],
    timezones: ['Asia/Dubai', 'Asia/Riyadh', 'Africa/Cairo', 'Africa/Casablanca'],
    languages: ['en-US'],
    phoneCode: '+971',
    country: 'AE',
    weight: 3,
  },
  {
    firstNames: [['Hương', 'huong'], ['Đức', 'duc'], 'Minh', ['Thảo', 'thao']],
    lastNames: [
      ['Nguyễn', 'nguyen'],
      ['Trần', 'tran'],
      ['Phạm', 'pham'],
      ['Đặng', 'dang'],
    ],
    timezones: ['Asia/Ho_Chi_Minh', 'Asia/Bangkok', 'Asia/Jakarta'],
    languages: ['vi-VN'],
    phoneCode: '+84',
    country: 'VN',
    weight: 2,
  },
  {
    firstNames: ['Çağlar', 'Şule', 'Gökhan', 'İpek', 'Zeynep'],
    lastNames: ['Öztürk', 'Yılmaz', 'Şahin', 'Çelik', 'Doğan'],
    timezones: ['Europe/Istanbul'],
    languages: ['tr-TR'],
    phoneCode: '+90',
    country: 'TR',
    weight: 2,
  },
  {
    firstNames: [['Γιώργος', 'giorgos'], ['Ελένη', 'eleni'], 'Nikos'],
    lastNames: [['Παπαδόπουλος', 'papadopoulos'], ['Οικονόμου', 'oikonomou'], 'Georgiou'],
    timezones: ['Europe/Athens'],
    languages: ['en-US'],
    phoneCode: '+30',
    country: 'GR',
    weight: 1,
  },
  {
    firstNames: ['Jack', 'Charlotte', 'Aroha', 'Mia', 'Lachlan'],
    lastNames: ['Nguyen', 'Te Whiti', 'Thompson', 'Walker', 'van der Merwe'],
    timezones: ['Australia/Sydney', 'Australia/Perth', 'Australia/Adelaide', 'Pacific/Auckland'],
    languages: ['en-US'],
    phoneCode: '+61',
    country: 'AU',
    weight: 3,
  },
  {
    firstNames: ['Thandiwe', 'Chinedu', 'Amara', 'Kwame', 'Wanjiru'],
    lastNames: ['Okonkwo', 'Mensah', 'Ndlovu', 'Kamau', 'Adeyemi'],
    timezones: ['Africa/Johannesburg', 'Africa/Lagos', 'Africa/Nairobi', 'Africa/Accra'],
    languages: ['en-US'],
    phoneCode: '+27',
    country: 'ZA',
    weight: 3,
  },
];

export const DEPARTMENTS: readonly string[] = [
  'Engineering',
  'Sales',
  'Marketing',
  'Finance',
  'Human Resources',
  'Legal',
  'Customer Success',
  'IT',
  'Operations',
  'Research & Development',
  'Facilities',
  'Produktentwicklung',
  'Ventes et Marketing',
  '営業部',
  'Support (Tier 2)',
];

export const JOB_TITLES: readonly string[] = [
  'Software Engineer',
  'Senior Software Engineer',
  'Account Executive',
  'Sales Development Representative',
  'Product Manager',
  'Designer',
  'Accountant',
  'IT Administrator',
  'Support Specialist',
  'Director of Operations',
  'VP, Marketing',
  'Ingénieure logiciel',
  'Geschäftsführer',
  'Recruiter',
  'Intern',
];

export const LOCATIONS: readonly string[] = [
  'New York',
  'San José',
  'Austin',
  'London',
  'München',
  'Zürich',
  'Paris',
  'São Paulo',
  'Kraków',
  '東京',
  'Bengaluru',
  'Sydney',
  'Remote',
];

export const COMPANY_NAMES: readonly string[] = ['Example Corp', 'Example GmbH', 'Example K.K.', 'Example Ltd.', 'Exemple SàRL'];

export const COST_CENTERS: readonly string[] = ['CC-1000', 'CC-1100', 'CC-2000', 'CC-2300', 'CC-4711', 'CC-9000'];

export const CLIENT_VERSIONS: readonly string[] = [
  '6.3.5.54827(win)',
  '6.3.1.53230(mac)',
  '6.2.11.50213(win)',
  '6.1.10.47011(mac)',
  '6.0.2.33403(win)',
  '5.17.11.34827(mac)',
  '5.16.10.26186(win)',
  '6.2.5.48120(android)',
  '6.3.0.52884(ios)',
  '6.1.1.44033(linux)',
  '5.9.6.4993(mac)',
];

export const EMAIL_DOMAINS: readonly string[] = [
  'example.com',
  'example.com',
  'example.com',
  'eu.example.com',
  'example.org',
  'example.co.jp',
];

export const CUSTOM_ATTRIBUTE_DEFINITIONS: readonly { key: string; name: string; min: number; max: number }[] = [
  { key: 'cbf_cywdkexrtqc73f97gd4w6g', name: 'Cost Code', min: 1000, max: 9999 },
  { key: 'cbf_h3k9vq2mzt0c61lxw8a5rd', name: 'Building', min: 1, max: 40 },
  { key: 'cbf_p0q7wz4ne8u2bm5sj1tkyf', name: 'Floor', min: 0, max: 30 },
  { key: 'cbf_x4p0r8d2lc6y1vn9gk3hwe', name: 'Badge Number', min: 100000, max: 999999 },
];

export const PLAN_UNITED_TYPES: readonly string[] = ['1', '2', '4', '8', '16', '32', '64', '256', '1024'];

export const DISPLAY_NAME_DECORATIONS: readonly string[] = [' 🎧', ' (she/her)', ' (he/him)', ' – OOO', ' 🌍'];
