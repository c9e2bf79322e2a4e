"""Stage 5, the store: one SQLite file in the output folder with the articles, their mentions, places and
claims, the seed files seen and the online geocoders' answers (:mod:`geo.store.db`); then the dating stage,
the year other reports give each undated article, kept there too (:mod:`geo.store.dating`). Takes what the
work of each article gives, hands the outputs the final claims."""
