"""The matching core: pure Python, no Django (an import contract and intelligence/tests/test_matching_pure.py
hold it to that).

- extraction/: the entities a report's text carries, one module per kind (plates, phones, places...).
- linking/: which appeals a report is about, with a confidence and reasons.
- duplicates: which earlier report a new one repeats.
- description: what a report says of the person (sex, age, build, height) and what it denies.
- lexicon/: the words, as data, that the others read text with.
- evaluation: precision and recall of linking and grouping on a labelled set.

The Django side (the enrichment pipeline that stores what this finds, the per-process appeal index, the signals
and tasks that run it) is intelligence/enrichment/.
"""
