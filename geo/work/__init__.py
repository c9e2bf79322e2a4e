"""Stage 4, the work of each article: places, then claims, as one pure function of an article and the
gazetteer (:mod:`geo.work.process`), run in this process, a pool of processes or a Dask cluster
(:mod:`geo.work.parallel`). Takes articles, gives :class:`geo.work.process.Processed` records; writes
nothing."""
