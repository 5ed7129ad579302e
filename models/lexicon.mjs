// lexicon.mjs - models/lexicon.tsv, the POS lexicon `dyad train --lexicon` reads, from the
// npm package brill (MIT; the lexicon of Brill's tagger: 89,539 words of the Wall Street
// Journal and Brown corpora with their Penn Treebank tags, likeliest first).
//   npm install --prefix DIR brill@3.1.0 && node models/lexicon.mjs DIR > models/lexicon.tsv
// Entries of symbols only are left out: the package's tags for them are shifted by one.
const dir = process.argv[2]
if (!dir) throw new Error('usage: node models/lexicon.mjs DIR (where npm installed brill)')
const {brill} = await import(`${dir}/node_modules/brill/index.js`)
const lines = []
for (const word of Object.keys(brill).sort()) {
  if (!/[A-Za-z0-9]/.test(word)) continue
  const tags = brill[word].filter((tag) => /^[A-Z$]+$/.test(tag))
  if (tags.length) lines.push(`${word}\t${tags.join(' ')}`)
}
process.stdout.write(lines.join('\n') + '\n')
