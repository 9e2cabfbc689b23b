#!/usr/bin/env node
// Extracts the first-name and surname lists of @faker-js/faker's locales into a C++ source for
// the identifier guard's lexicon (src/privacy/extracted_names.hpp). Run by CMake at build
// time, never at run time:
//   node scripts/extract-names.mjs FAKER_DIR FRENCH_WORDS OUT.cpp WORDS_OUT.cpp
// FAKER_DIR is node_modules/@faker-js/faker (pinned in package.json), FRENCH_WORDS Debian's
// wfrench list (/usr/share/dict/french). A name that is also a French word ("Rose", "Pierre",
// "Ange") is left out: the guard's hand-made list and its context rules decide those, so that
// the extracted names never make a common word look like a person.
// WORDS_OUT.cpp receives the folded French words themselves (src/privacy/french_words.hpp):
// the guard asks it whether a capitalised word is a common word ("Audience JLD", "Dépistage
// IST") before it takes that word for the start of a name.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [fakerDir, wordsFile, outFile, wordsOutFile] = process.argv.slice(2);
if (!fakerDir || !wordsFile || !outFile || !wordsOutFile) {
  console.error("usage: extract-names.mjs FAKER_DIR FRENCH_WORDS OUT.cpp WORDS_OUT.cpp");
  process.exit(2);
}
const fail = (msg) => {
  console.error(`extract-names: ${msg}`);
  process.exit(1);
};
if (!fs.existsSync(path.join(fakerDir, "package.json")))
  fail(`${fakerDir} is missing: run \`npm ci\` at the repository root (it installs @faker-js/faker)`);
if (!fs.existsSync(wordsFile))
  fail(`${wordsFile} is missing: install Debian's wfrench (scripts/install-deps.sh does)`);

// The origins met in French field notes: West Africa, Maghreb and Middle East (Latin script
// only), the Balkans, Romania and Moldova, Turkey and the Caucasus, Slavic countries (Cyrillic
// transliterated), South and South-East Asia, Latin America and Brazil, southern Africa, and
// France itself. Locales whose lists are in another script and are not transliterated here
// (zh_CN, ar, fa, ur, he, ne, mk) are skipped; the hand-made list covers pinyin names.
const LOCALES = [
  "fr", "fr_SN", "fr_BE", "fr_CA", "ro", "ro_MD", "pt_BR", "pt_PT", "es", "es_MX", "vi", "tr",
  "az", "uk", "ru", "sr_RS_latin", "hr", "sl_SI", "pl", "cs_CZ", "sk", "hu", "lv", "en_GH",
  "en_NG", "yo_NG", "zu_ZA", "en_IN", "en_NP", "id_ID", "uz_UZ_latin", "ku_kmr_latin", "it",
  "en",
];

// Ukrainian and Russian names as their passports spell them in Latin letters (Ukraine's 2010
// national system, Russia's ICAO 9303 table): the spelling a case worker copies.
const UK = {а:"a",б:"b",в:"v",г:"h",ґ:"g",д:"d",е:"e",є:"ie",ж:"zh",з:"z",и:"y",і:"i",ї:"i",й:"i",к:"k",л:"l",м:"m",н:"n",о:"o",п:"p",р:"r",с:"s",т:"t",у:"u",ф:"f",х:"kh",ц:"ts",ч:"ch",ш:"sh",щ:"shch",ь:"",ю:"iu",я:"ia","'":"","’":""};
const RU = {а:"a",б:"b",в:"v",г:"g",д:"d",е:"e",ё:"e",ж:"zh",з:"z",и:"i",й:"i",к:"k",л:"l",м:"m",н:"n",о:"o",п:"p",р:"r",с:"s",т:"t",у:"u",ф:"f",х:"kh",ц:"ts",ч:"ch",ш:"sh",щ:"shch",ъ:"ie",ы:"y",ь:"",э:"e",ю:"iu",я:"ia"};
const translit = (name, table) =>
  [...name.toLowerCase()].map((c) => (c in table ? table[c] : c)).join("");

// Lower case without accents, as lexicon::fold does (ı ł đ ø ß æ œ ə have no decomposition).
const SPECIAL = { ı: "i", ł: "l", đ: "d", ø: "o", ß: "ss", æ: "ae", œ: "oe", ə: "e", ħ: "h" };
const fold = (w) =>
  [...w.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()].map((c) => SPECIAL[c] ?? c).join("");

const words = new Set();
for (const line of fs.readFileSync(wordsFile, "utf8").split("\n")) if (line) words.add(fold(line));
if (words.size < 100000) fail(`${wordsFile} holds only ${words.size} words`);

const entry = pathToFileURL(path.join(fakerDir, "dist", "index.js")).href;
const faker = await import(entry);
const version = JSON.parse(fs.readFileSync(path.join(fakerDir, "package.json"), "utf8")).version;
const values = (v) => (!v ? [] : Array.isArray(v) ? v : Object.values(v).flat());
const latin = /^[\p{Script=Latin}'’ -]+$/u;

const first = new Map(), last = new Map();  // folded -> spelling
const dropped = { word: 0, script: 0 };
const add = (map, raw) => {
  // Compound given names ("Bình Minh", "Jean-Luc") count by their parts too.
  for (const part of [raw, ...raw.split(/[ -]/)]) {
    const f = fold(part.trim());
    if ([...f].length < 3) continue;
    if (!latin.test(part)) { ++dropped.script; continue; }
    if (words.has(f)) { ++dropped.word; continue; }
    if (!map.has(f)) map.set(f, part.trim());
  }
};
for (const loc of LOCALES) {
  const def = faker[loc];
  if (!def || !def.person) fail(`@faker-js/faker ${version} has no locale ${loc}`);
  const table = loc === "uk" ? UK : loc === "ru" ? RU : null;
  const conv = (n) => (table ? translit(n, table).replace(/^./, (c) => c.toUpperCase()) : n);
  for (const n of values(def.person.first_name)) add(first, conv(n));
  for (const n of values(def.person.last_name)) add(last, conv(n));
}
if (first.size < 5000) fail(`only ${first.size} first names extracted`);

const cpp = (map) =>
  [...map.keys()].sort().map((k) => JSON.stringify(k)).join("\n    \"\\n\"");
const out = `// Generated by scripts/extract-names.mjs from @faker-js/faker ${version} (MIT) filtered by
// wfrench; do not edit. ${first.size} first names, ${last.size} surnames, folded; ${dropped.word}
// entries left out as French words, ${dropped.script} as not in Latin script.
#include "privacy/extracted_names.hpp"

namespace vigie::privacy::extracted_names {

std::string_view first_names() {
  return ${cpp(first)};
}

std::string_view surnames() {
  return ${cpp(last)};
}

std::string_view source() {
  return "@faker-js/faker ${version}";
}

}  // namespace vigie::privacy::extracted_names
`;
// The words as one literal per 2,000 words, sorted in byte order (the order of the C++
// std::string_view comparison the lookup's binary search relies on).
const sorted = [...words].filter((w) => w.length >= 2);
sorted.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
const chunks = [];
for (let at = 0; at < sorted.length; at += 2000)
  chunks.push(JSON.stringify(sorted.slice(at, at + 2000).join("\n") + "\n"));
const wordsOut = `// Generated by scripts/extract-names.mjs from Debian's wfrench; do not edit. ${sorted.length}
// folded French words, sorted in byte order, one per line.
#include "privacy/french_words.hpp"

namespace vigie::privacy::french_words {

std::string_view all() {
  return ${chunks.join("\n      ")};
}

}  // namespace vigie::privacy::french_words
`;
const write = (file, text) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file + ".tmp", text);
  fs.renameSync(file + ".tmp", file);
};
write(outFile, out);
write(wordsOutFile, wordsOut);
console.log(`extract-names: ${first.size} first names, ${last.size} surnames from @faker-js/faker ${version}; ${sorted.length} French words`);
