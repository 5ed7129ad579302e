/* data_embed.S - the text dictionaries of data/ compiled into the binary, so dyad runs
 * from any directory with no installed data. Each file becomes dy_data_NAME[] with its
 * size in dy_data_NAME_size. The assembler runs in the repository root, so .incbin finds
 * data/; the city gazetteer is built into the build directory, which the Makefile passes
 * as an include path (-Wa,-I$(BUILD)). */
#define EMBED(name, file)                 \
    .section .rodata;                     \
    .global dy_data_##name;               \
    .global dy_data_##name##_size;        \
    .balign 16;                           \
dy_data_##name:                           \
    .incbin file;                         \
dy_data_##name##_end:                     \
    .byte 0;                              \
    .balign 8;                            \
dy_data_##name##_size:                    \
    .quad dy_data_##name##_end - dy_data_##name

EMBED(abbreviations, "data/abbreviations.tsv")
EMBED(starters, "data/starters.txt")
EMBED(cues, "data/cues.tsv")
EMBED(countries, "data/countries.tsv")
EMBED(regions, "data/regions.tsv")
EMBED(territories, "data/territories.tsv")
EMBED(gazetteer, "gazetteer.tsv")
EMBED(actors, "data/actors.tsv")
EMBED(roles, "data/roles.tsv")
EMBED(verbs, "data/verbs.tsv")
EMBED(stances, "data/stances.tsv")
EMBED(cameo, "data/cameo.tsv")
EMBED(boilerplate, "data/boilerplate.txt")
EMBED(words, "data/words.tsv")
EMBED(model_pos, "models/pos.ap")
EMBED(model_chunk, "models/chunk.ap")
EMBED(model_ner, "models/ner.ap")
EMBED(clusters, "models/clusters.tsv")
EMBED(schema, "src/store/schema.sql")
EMBED(web_index, "web/index.html")
EMBED(web_app, "web/app.js")
EMBED(web_style, "web/style.css")

    .section .note.GNU-stack,"",@progbits
