"""Stage 5, the store: one SQLite file in the output folder with the articles, their mentions, places and claims,
the seed files seen and the online geocoders' answers (:mod:`geo.store.db`). Takes what the work of each article
gives, hands the outputs what they draw."""
