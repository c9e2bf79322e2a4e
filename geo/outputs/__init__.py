"""Stage 6, the outputs: each place's claims in time (:mod:`~geo.outputs.timeline`), the contract's files
(:mod:`~geo.outputs.export`, written by :mod:`~geo.outputs.files`), the map (:mod:`~geo.outputs.maprows`,
:mod:`~geo.outputs.render`, :mod:`~geo.outputs.basemap`, :mod:`~geo.outputs.borders`), and ``geo export``'s
snapshots, formats and pictures (:mod:`~geo.outputs.snapshot`, :mod:`~geo.outputs.formats`,
:mod:`~geo.outputs.picture`). Takes the store's records, gives files."""
