// Text that reads like a news report, for the synthetic corpus: sentences of varied length with
// names, numbers, dates, abbreviations with dots, quotes, a few addresses and e-mail addresses,
// and now and then a sentence in another script, so that costs which depend on what the text
// holds (finding links, escaping, UTF-8) show in the benchmark's numbers.

/** Numbers in [0, 1). */
export type Random = () => number;

/** A seeded source of numbers in [0, 1) (mulberry32): the same text on every machine. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

const WORDS = (
  "the a of and to in on for with from by at as is was were has have that this which report " +
  "officials said city region border talks agreement government ministry week minister army " +
  "drone missile energy grid winter aid support allies summit reform court election grain port " +
  "railway bridge villages hospital school volunteers refugees parliament budget sanctions " +
  "negotiations ceasefire reconstruction infrastructure statement morning evening attack defence " +
  "repairs power plant engineers residents households shelter heating water supply exports " +
  "prices inflation loan donors delegation vote opposition investigation prosecutors witnesses"
).split(" ");

const PEOPLE = [
  "Oksana Melnyk",
  "Dr. Petra Novak",
  "Mr. John Carter",
  "Ms. Amira Haddad",
  "Prof. Kenji Watanabe",
  "Sen. Laura Mitchell",
  "Lt. Col. Ivan Bondar",
  "Gen. Marek Kowalski",
  "Sean O’Neill",
  "Nikos Papadopoulos",
  "Ayşe Yılmaz",
  "José Álvarez Jr.",
];

const PLACES = [
  "Kyiv",
  "Kharkiv",
  "Odesa",
  "Lviv",
  "Washington, D.C.",
  "St. Petersburg",
  "Brussels",
  "Geneva",
  "Warsaw",
  "Tokyo",
  "Cairo",
  "Athens",
  "the U.S.",
  "the U.K.",
  "the EU",
  "Київ",
];

const ORGANISATIONS = [
  "the U.N.",
  "NATO",
  "the IMF",
  "the I.A.E.A.",
  "the Ministry of Energy",
  "the European Commission",
  "the World Bank",
  "Acme Corp.",
  "Smith & Sons Ltd.",
  "the Red Cross",
];

const ABBREVIATIONS = ["e.g.", "i.e.", "etc.", "approx.", "vs.", "cf.", "incl.", "No. 7", "p.m.", "a.m."];

const MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

// Non-ASCII and characters that mean something in HTML and XML: the renderers must escape them.
const UNUSUAL = ["“quoted”", "it’s", "–", "café", "naïve", "€12", "🇺🇦", "R&D", "<b>", "]]>", "ü", "5 > 3", "a<b"];

/** Whole sentences in other scripts, some without spaces between words. */
const FOREIGN = [
  "Уряд оголосив нові заходи з відновлення енергосистеми.",
  "У Харкові відновили електропостачання для 12 тисяч родин.",
  "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την ενέργεια.",
  "Οι διαπραγματεύσεις συνεχίζονται στην Αθήνα.",
  "政府宣布了新的能源援助计划。",
  "東京で首脳会議が開かれ、支援策が合意された。",
  "정부는 새로운 지원책을 발표했다.",
  "أعلنت الحكومة عن خطة جديدة لدعم قطاع الطاقة.",
  "הממשלה הודיעה על תוכנית סיוע חדשה.",
  "सरकार ने ऊर्जा क्षेत्र के लिए नई योजना की घोषणा की।",
];

const HOSTS = ["example.org", "news.example.com", "data.example.net", "www.example.gov", "пример.рф"];
const PATHS = [
  "",
  "/",
  "/reports/2025/03/energy-grid",
  "/en/news/12345",
  "/docs/statement.pdf",
  "/search?q=grain+exports&page=2",
  "/wiki/Kyiv_(city)",
  "/live#update-17",
];
const WWW_NAMES = ["www.example.org", "www.example.gov.ua", "www.example.co.uk/news", "www.example.com/en/about"];
const MAIL = ["press@example.org", "desk@example.com.ua", "info@news.example", "tips [at] example.org"];

function address(random: Random): string {
  const roll = random();
  if (roll < 0.5) return `${random() < 0.8 ? "https" : "http"}://${pick(random, HOSTS)}${pick(random, PATHS)}`;
  if (roll < 0.8) return pick(random, WWW_NAMES);
  return pick(random, MAIL);
}

function number(random: Random): string {
  switch (between(random, 0, 6)) {
    case 0:
      return `${between(random, 1, 99)},${String(between(random, 0, 999)).padStart(3, "0")}`;
    case 1:
      return `${between(random, 1, 99)}.${between(random, 0, 9)}%`;
    case 2:
      return `$${between(random, 1, 99)}.${between(random, 1, 9)} bn`;
    case 3:
      return `€${between(random, 2, 900)} million`;
    case 4:
      return `${between(random, 1, 9)}.${between(random, 0, 9)} GW`;
    case 5:
      return `−${between(random, 1, 25)} °C`;
    default:
      return String(between(random, 2, 500));
  }
}

function date(random: Random): string {
  const day = between(random, 1, 28);
  const month = between(random, 1, 12);
  switch (between(random, 0, 4)) {
    case 0:
      return `on ${pick(random, MONTHS)} ${day}`;
    case 1:
      return `on ${day} ${pick(random, MONTHS)} ${between(random, 2012, 2025)}`;
    case 2:
      return `on ${between(random, 2012, 2025)}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    case 3:
      return `at ${between(random, 1, 12)}:${String(between(random, 0, 59)).padStart(2, "0")} ${random() < 0.5 ? "a.m." : "p.m."}`;
    default:
      return `by ${between(random, 2026, 2040)}`;
  }
}

/** An address as it is written in a sentence: bare, in parentheses or in quotes. */
function writtenAddress(random: Random): string {
  const roll = random();
  const written = address(random);
  if (roll < 0.25) return `(see ${written})`;
  if (roll < 0.35) return `“${written}”`;
  return written;
}

/** One word or phrase of a sentence. */
function token(random: Random): string {
  const roll = random();
  if (roll < 0.05) return pick(random, PEOPLE);
  if (roll < 0.09) return pick(random, PLACES);
  if (roll < 0.12) return pick(random, ORGANISATIONS);
  if (roll < 0.17) return number(random);
  if (roll < 0.19) return date(random);
  if (roll < 0.21) return pick(random, ABBREVIATIONS);
  if (roll < 0.23) return pick(random, UNUSUAL);
  // About one address, www. name or e-mail address in 200 words: two or three an article.
  if (roll < 0.235) return writtenAddress(random);
  return pick(random, WORDS);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Mostly 6–20 words, now and then 3 or up to 45: news sentences vary. */
function sentenceLength(random: Random): number {
  const roll = random();
  if (roll < 0.1) return between(random, 3, 5);
  if (roll < 0.85) return between(random, 6, 20);
  return between(random, 21, 45);
}

function clause(random: Random, length: number): string {
  return Array.from({ length }, () => token(random)).join(" ");
}

/** "… at 9 a.m." ends the sentence with the abbreviation's own dot. */
function withFullStop(words: string): string {
  return words.endsWith(".") ? words : `${words}.`;
}

function makeSentence(random: Random): string {
  const roll = random();
  if (roll < 0.04) return pick(random, FOREIGN);
  const words = clause(random, sentenceLength(random));
  if (roll < 0.12) return `“${capitalise(words)},” ${pick(random, PEOPLE)} said.`;
  if (roll < 0.16) return `${pick(random, PEOPLE)} said: "${withFullStop(capitalise(words))}"`;
  return random() < 0.05 ? `${capitalise(words)}?` : withFullStop(capitalise(words));
}

/** A title: one line of 4–12 words. */
export function makeTitle(random: Random): string {
  return capitalise(clause(random, between(random, 4, 12)));
}

export function makeParagraph(random: Random, sentences: number): string {
  return Array.from({ length: sentences }, () => makeSentence(random)).join(" ");
}
