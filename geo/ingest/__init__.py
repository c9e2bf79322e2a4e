"""Stage 1, reading: files in ``seeds/`` (``.txt``/``.md`` with front matter, ``.html``, ``.jsonl`` feeds) in,
typed :class:`geo.models.Article` records out, each once (:mod:`geo.ingest.read`); ``geo add`` puts files and
web pages into ``seeds/`` (:mod:`geo.ingest.add`). Knows nothing of places, claims, the store or the
outputs."""
