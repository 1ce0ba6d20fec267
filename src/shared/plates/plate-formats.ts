// No zod here: the Issue screen checks plates in the page's entry chunk (see docs/performance.md).

/**
 * The standard passenger plate series of the regions a kiosk is likely to serve: the 13 Canadian provinces and
 * territories, and the US states nearest them. Each region cites where its formats come from. Only standard,
 * sequential passenger series are listed; vanity, specialty and non-passenger plates are not (they fall to the
 * read-back step, as before).
 *
 * A format is a string of positions, compared with the plate in its normalised form (upper case, no spaces or
 * dashes: see `normalisePlate`):
 *   - `L` a letter the region issues (every letter but its `unusedLetters`),
 *   - `9` a digit,
 *   - `*` a letter (as for `L`) or a digit,
 *   - `{…}` exactly these characters, e.g. `{N}` or a county code `{1A}`.
 * So Ontario's current `ABCD 123` series is `LLLL999`. A letter a region never issues is what makes a look-alike
 * typo detectable where a format could take a letter: Ontario skips I and O, so `ABIC123` cannot be an Ontario plate.
 */

export const REGION_CODES = [
  // Canada
  'AB',
  'BC',
  'MB',
  'NB',
  'NL',
  'NS',
  'NT',
  'NU',
  'ON',
  'PE',
  'QC',
  'SK',
  'YT',
  // United States
  'AK',
  'ID',
  'MA',
  'ME',
  'MI',
  'MN',
  'MT',
  'ND',
  'NH',
  'NY',
  'OH',
  'PA',
  'VT',
  'WA',
] as const;
export type RegionCode = (typeof REGION_CODES)[number];

/** A new kiosk checks plates against Ontario's series until a supervisor chooses otherwise. */
export const DEFAULT_HOME_REGIONS: readonly RegionCode[] = ['ON'];

export interface PlateSource {
  title: string;
  url: string;
}

export interface PlateFormat {
  /** Positions, as described above. */
  pattern: string;
  /** How the source writes it, and when it was issued. */
  note: string;
}

export interface PlateRegion {
  country: 'CA' | 'US';
  /** Letters the source says the region's passenger series never use. Empty when the source says nothing. */
  unusedLetters: string;
  /** The current series first: a correction that fits it is offered first. */
  formats: readonly PlateFormat[];
  sources: readonly PlateSource[];
}

const wiki = (page: string): PlateSource => ({
  title: page.replace(/_/g, ' ').replace(/^Vehicle/, 'Wikipedia: Vehicle'),
  url: `https://en.wikipedia.org/wiki/${page}`,
});
const CANADA_FORMATS = wiki('Canadian_licence_plate_designs_and_serial_formats');
const US_FORMATS = wiki('United_States_license_plate_designs_and_serial_formats');

/**
 * Idaho's standard plates begin with the county's code: its rank among the counties with the same initial, then
 * that initial, or the initial alone when it is the only one (1A Ada, 2A Adams, … K Kootenai, … W Washington).
 * The sources list the codes but not the letter/digit pattern of the serial after them, so the serial is taken as
 * 3 to 5 letters or digits: a look-alike there cannot be told from a real character.
 */
const IDAHO_COUNTY_CODES = [
  '1A',
  '2A',
  '1B',
  '2B',
  '3B',
  '4B',
  '5B',
  '6B',
  '7B',
  '8B',
  '9B',
  '10B',
  '1C',
  '2C',
  '3C',
  '4C',
  '5C',
  '6C',
  '7C',
  'E',
  '1F',
  '2F',
  '1G',
  '2G',
  'I',
  '1J',
  '2J',
  'K',
  '1L',
  '2L',
  '3L',
  '4L',
  '1M',
  '2M',
  'N',
  '1O',
  '2O',
  '1P',
  '2P',
  'S',
  '1T',
  '2T',
  'V',
  'W',
];
const IDAHO_FORMATS: PlateFormat[] = IDAHO_COUNTY_CODES.flatMap((code) =>
  [5, 4, 3].map((length) => ({ pattern: `{${code}}${'*'.repeat(length)}`, note: `${code} county code + serial` })),
);

export const PLATE_REGIONS: Readonly<Record<RegionCode, PlateRegion>> = {
  // Alberta. Source: Wikipedia, "Vehicle registration plates of Alberta" — current series ABC-1234 (since 2010;
  // design 2021); "All serials (except a few in 1952 and 1953) exclude the letters I and O".
  AB: {
    country: 'CA',
    unusedLetters: 'IO',
    formats: [
      { pattern: 'LLL9999', note: 'ABC-1234' },
      { pattern: 'LLL999', note: 'ABC-123, the series before it' },
    ],
    sources: [wiki('Vehicle_registration_plates_of_Alberta'), CANADA_FORMATS],
  },
  // British Columbia. Source: Wikipedia, "Vehicle registration plates of British Columbia" — passenger serials omit
  // I, O, Q, U, Y and Z; ABC-123 (1970–2001), 123-ABC (2001–2014), AB1 23C (2014–).
  BC: {
    country: 'CA',
    unusedLetters: 'IOQUYZ',
    formats: [
      { pattern: 'LL999L', note: 'AB1 23C (2014–)' },
      { pattern: '999LLL', note: '123-ABC (2001–2014)' },
      { pattern: 'LLL999', note: 'ABC-123 (1970–2001)' },
    ],
    sources: [
      wiki('Vehicle_registration_plates_of_British_Columbia'),
      {
        title: 'Daily Hive: B.C. license plates to change format',
        url: 'https://dailyhive.com/vancouver/bc-license-plates-change-format',
      },
    ],
  },
  // Manitoba. Source: Wikipedia, "Vehicle registration plates of Manitoba" — current series ABC 123.
  MB: {
    country: 'CA',
    unusedLetters: '',
    formats: [{ pattern: 'LLL999', note: 'ABC 123' }],
    sources: [wiki('Vehicle_registration_plates_of_Manitoba')],
  },
  // New Brunswick. Sources: Wikipedia, "Canadian licence plate designs and serial formats"; the standard passenger
  // plate is three letters then three digits (ABC 123).
  NB: {
    country: 'CA',
    unusedLetters: '',
    formats: [{ pattern: 'LLL999', note: 'ABC 123' }],
    sources: [
      CANADA_FORMATS,
      {
        title: 'New Brunswick license plates (allvehiclesdata)',
        url: 'https://newbrunswick.allvehiclesdata.com/license-plate',
      },
    ],
  },
  // Newfoundland and Labrador. Source: Wikipedia, "Vehicle registration plates of Newfoundland and Labrador" —
  // ABC 123 since 1982; "Since 1985, the province has not used the letters I, Q, U or Y".
  NL: {
    country: 'CA',
    unusedLetters: 'IQUY',
    formats: [{ pattern: 'LLL999', note: 'ABC 123 (1982–)' }],
    sources: [wiki('Vehicle_registration_plates_of_Newfoundland_and_Labrador')],
  },
  // Nova Scotia. Source: Wikipedia, "Vehicle registration plates of Nova Scotia" — ABC 123 (since 1979; design 2011).
  NS: {
    country: 'CA',
    unusedLetters: '',
    formats: [{ pattern: 'LLL999', note: 'ABC 123 (1979–)' }],
    sources: [wiki('Vehicle_registration_plates_of_Nova_Scotia')],
  },
  // Northwest Territories. Source: Wikipedia, "Vehicle registration plates of the Northwest Territories" — the
  // polar-bear plate: 123456 (2010–), 12345 on the 1986 base.
  NT: {
    country: 'CA',
    unusedLetters: '',
    formats: [
      { pattern: '999999', note: '123456 (2010–)' },
      { pattern: '99999', note: '12345 (1986 base)' },
    ],
    sources: [wiki('Vehicle_registration_plates_of_the_Northwest_Territories')],
  },
  // Nunavut. Source: Wikipedia, "Vehicle registration plates of Nunavut" — 123 456 (2012–); 12345N on the
  // polar-bear plates of 1999–2012.
  NU: {
    country: 'CA',
    unusedLetters: '',
    formats: [
      { pattern: '999999', note: '123 456 (2012–)' },
      { pattern: '99999{N}', note: '12345N (1999–2012)' },
    ],
    sources: [wiki('Vehicle_registration_plates_of_Nunavut')],
  },
  // Ontario. Sources: Wikipedia, "Vehicle registration plates of Ontario" — ABCD-123 (1997–), issued in ascending
  // order from AAAA-001; the 1973–1997 bases (ABC 123) remain valid for display. Wikipedia, "Vehicle registration
  // plates of Canada": "The letters I, O and U are not used to avoid confusion with 1, 0 and V."
  ON: {
    country: 'CA',
    unusedLetters: 'IOU',
    formats: [
      { pattern: 'LLLL999', note: 'ABCD 123 (1997–)' },
      { pattern: 'LLL999', note: 'ABC 123 (1973–1997, still valid)' },
    ],
    sources: [
      wiki('Vehicle_registration_plates_of_Ontario'),
      CANADA_FORMATS,
      wiki('Vehicle_registration_plates_of_Canada'),
    ],
  },
  // Prince Edward Island. Source: Wikipedia, "Vehicle registration plates of Prince Edward Island" — current series
  // 123 ABC (2022). The older five-character series are not documented there and are not listed.
  PE: {
    country: 'CA',
    unusedLetters: '',
    formats: [{ pattern: '999LLL', note: '123 ABC (2022–)' }],
    sources: [wiki('Vehicle_registration_plates_of_Prince_Edward_Island')],
  },
  // Québec. Sources: Wikipedia, "Vehicle registration plates of Quebec" — ABC 123 (1983), 123 ABC (1996), A12 BCD
  // (current). SAAQ's plate rules: "The letter 'O' cannot be printed on a licence plate" (it is replaced by 0).
  QC: {
    country: 'CA',
    unusedLetters: 'O',
    formats: [
      { pattern: 'L99LLL', note: 'A12 BCD (current)' },
      { pattern: '999LLL', note: '123 ABC (1996)' },
      { pattern: 'LLL999', note: 'ABC 123 (1983)' },
    ],
    sources: [
      wiki('Vehicle_registration_plates_of_Quebec'),
      {
        title: 'SAAQ, personalized licence plates: general rules (quoted on SkyscraperPage forum)',
        url: 'http://forum.skyscraperpage.com/showpost.php?p=8547307&postcount=263',
      },
    ],
  },
  // Saskatchewan. Source: Wikipedia, "Vehicle registration plates of Saskatchewan" — current series 123 ABC (2009).
  SK: {
    country: 'CA',
    unusedLetters: '',
    formats: [{ pattern: '999LLL', note: '123 ABC' }],
    sources: [wiki('Vehicle_registration_plates_of_Saskatchewan')],
  },
  // Yukon. Source: Travel Gumbo, "100 years of Yukon License Plates" (Yukon Transportation Museum): "Yukon vehicle
  // plates only have three letters and 2 numbers (total of five characters)".
  YT: {
    country: 'CA',
    unusedLetters: '',
    formats: [{ pattern: 'LLL99', note: 'ABC 12' }],
    sources: [
      {
        title: 'Travel Gumbo: 100 years of Yukon License Plates, Whitehorse',
        url: 'https://www.travelgumbo.com/blog/april-14-2019-100-years-of-yukon-license-plates-whitehorse',
      },
    ],
  },

  // Alaska. Source: Wikipedia, "United States license plate designs and serial formats" — Alaska uses a
  // three-letter, three-number format (ABC 123).
  AK: {
    country: 'US',
    unusedLetters: '',
    formats: [{ pattern: 'LLL999', note: 'ABC 123' }],
    sources: [wiki('Vehicle_registration_plates_of_Alaska'), US_FORMATS],
  },
  // Idaho. Source: Wikipedia, "Vehicle registration plates of Idaho" — county codes since 1945 (see above).
  ID: {
    country: 'US',
    unusedLetters: '',
    formats: IDAHO_FORMATS,
    sources: [
      wiki('Vehicle_registration_plates_of_Idaho'),
      {
        title: 'Build Idaho: why Idaho plates begin with a number and a letter',
        url: 'https://www.buildidaho.com/home/blogs/e_5554/Boise_Real_Estate/2019/1/Ever_Wonder_why_Idaho_license_plates_have_a___followed_by_a_letter_at_the_beginning_.htm',
      },
    ],
  },
  // Massachusetts. Sources: licenseplates.cc, "Massachusetts License Plates" — 000·AAA, then 0000 AA, then 00A A00,
  // the last digit being the month of expiry; Blue Mass Group — the letters I, O and Q are not used, and the next
  // scheme is three digits, two letters and a digit (123 LD0).
  MA: {
    country: 'US',
    unusedLetters: 'IOQ',
    formats: [
      { pattern: '999LL9', note: '123 AB4' },
      { pattern: '99LL99', note: '12A B34' },
      { pattern: '9999LL', note: '1234 AB' },
      { pattern: '999LLL', note: '123 ABC' },
    ],
    sources: [
      { title: 'licenseplates.cc: Massachusetts License Plates', url: 'https://licenseplates.cc/MA' },
      {
        title: 'Blue Mass Group: Time for new Massachusetts license plates',
        url: 'https://bluemassgroup.com/2008/07/time-for-new-massachusetts-license-plates',
      },
    ],
  },
  // Maine. Sources: Wikipedia, "Vehicle registration plates of Maine" — 123·ABC on the Pine Tree plate
  // (May 2025–); Maine BMV, "Pine Tree Plate" — every Chickadee plate (mostly four digits and two letters, 1234 AB)
  // is replaced from May 2025 to May 2026.
  ME: {
    country: 'US',
    unusedLetters: '',
    formats: [
      { pattern: '999LLL', note: '123 ABC (2025–)' },
      { pattern: '9999LL', note: '1234 AB (Chickadee, 1999–2025)' },
    ],
    sources: [
      wiki('Vehicle_registration_plates_of_Maine'),
      { title: 'Maine BMV: Pine Tree Plate', url: 'https://www11.maine.gov/sos/bmv/registration/PineTreePlate.html' },
    ],
  },
  // Michigan. Source: Wikipedia, "Vehicle registration plates of Michigan" — ABC 1234; plates older than ten years
  // must be replaced (since 2015), so the six-character series are gone.
  MI: {
    country: 'US',
    unusedLetters: '',
    formats: [{ pattern: 'LLL9999', note: 'ABC 1234' }],
    sources: [wiki('Vehicle_registration_plates_of_Michigan')],
  },
  // Minnesota. Sources: Wikipedia, "Vehicle registration plates of Minnesota" — ABC 123; Star Tribune — the state
  // alternates between ABC 123 and 123 ABC; licenseplates.cc — "The letters I, O, and Q are not used".
  MN: {
    country: 'US',
    unusedLetters: 'IOQ',
    formats: [
      { pattern: 'LLL999', note: 'ABC 123' },
      { pattern: '999LLL', note: '123 ABC' },
    ],
    sources: [
      wiki('Vehicle_registration_plates_of_Minnesota'),
      {
        title: 'Star Tribune: Deciphering license plates from A to Z',
        url: 'https://startribune.com/deciphering-license-plates-from-a-to-z-but-w-isn-t-good/11919926',
      },
      { title: 'licenseplates.cc: Minnesota License Plates', url: 'https://licenseplates.cc/MN' },
    ],
  },
  // Montana. Source: Wikipedia, "Vehicle registration plates of Montana" — 1-12345A and 10-1234A: the county's
  // number (1–56), the serial, a letter; six digits and a letter either way.
  MT: {
    country: 'US',
    unusedLetters: '',
    formats: [{ pattern: '999999L', note: '1-12345A / 10-1234A' }],
    sources: [wiki('Vehicle_registration_plates_of_Montana')],
  },
  // North Dakota. Source: Wikipedia, "Vehicle registration plates of North Dakota" — 123 ABC (2015–).
  ND: {
    country: 'US',
    unusedLetters: '',
    formats: [{ pattern: '999LLL', note: '123 ABC' }],
    sources: [wiki('Vehicle_registration_plates_of_North_Dakota')],
  },
  // New Hampshire. Source: Wikipedia, "Vehicle registration plates of New Hampshire" — 123 4567 (1999–); plates are
  // issued consecutively and stay with the owner, so six-digit numbers are still on the road.
  NH: {
    country: 'US',
    unusedLetters: '',
    formats: [
      { pattern: '9999999', note: '123 4567' },
      { pattern: '999999', note: '123 456' },
    ],
    sources: [
      wiki('Vehicle_registration_plates_of_New_Hampshire'),
      {
        title: 'NH Photo: The Vanity of New Hampshire',
        url: 'http://nh-photo.blogspot.com/2006/12/vanity-of-new-hampshire.html',
      },
    ],
  },
  // New York. Source: Wikipedia, "Vehicle registration plates of New York" — ABC-1234 (Excelsior plate, 2020–;
  // the same format on the plates before it).
  NY: {
    country: 'US',
    unusedLetters: '',
    formats: [{ pattern: 'LLL9999', note: 'ABC-1234' }],
    sources: [wiki('Vehicle_registration_plates_of_New_York')],
  },
  // Ohio. Source: Wikipedia, "Vehicle registration plates of Ohio" — ABC 1234.
  OH: {
    country: 'US',
    unusedLetters: '',
    formats: [{ pattern: 'LLL9999', note: 'ABC 1234' }],
    sources: [wiki('Vehicle_registration_plates_of_Ohio')],
  },
  // Pennsylvania. Source: Wikipedia, "United States license plate designs and serial formats" — ABC-1234.
  PA: {
    country: 'US',
    unusedLetters: '',
    formats: [{ pattern: 'LLL9999', note: 'ABC-1234' }],
    sources: [US_FORMATS, wiki('Vehicle_registration_plates_of_Pennsylvania')],
  },
  // Vermont. Source: Wikipedia, "United States license plate designs and serial formats" — Vermont uses a
  // three-letter, three-number format.
  VT: {
    country: 'US',
    unusedLetters: '',
    formats: [{ pattern: 'LLL999', note: 'ABC 123' }],
    sources: [US_FORMATS],
  },
  // Washington. Sources: Wikipedia, "Vehicle registration plates of Washington (state)" — ABC1234; Washington State
  // Department of Licensing: seven-character plates (AAA1111) since 2010.
  WA: {
    country: 'US',
    unusedLetters: '',
    formats: [{ pattern: 'LLL9999', note: 'ABC1234 (2010–)' }],
    sources: [
      wiki('Vehicle_registration_plates_of_Washington_(state)'),
      {
        title: 'Washington DOL: New seven-character passenger vehicle license plates have been shipped',
        url: 'https://licensingexpress.wordpress.com/2009/12/31/new-seven-character-passenger-vehicle-license-plates-have-been-shipped/',
      },
    ],
  },
};

export function isRegionCode(value: unknown): value is RegionCode {
  return typeof value === 'string' && (REGION_CODES as readonly string[]).includes(value);
}
