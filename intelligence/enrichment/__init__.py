"""Enrichment on arrival: every new report is read once, by the database worker, right after it is stored.

The Django side of intelligence.matching. `pipeline.report_enrich` pulls out a report's entities
(intelligence.matching.extraction), suggests the appeals it may be about (intelligence.matching.linking, against
an `AppealIndex` of every published or recently closed appeal, kept per process by `index.current_index` and
rebuilt when an appeal changes or an analyst confirms a link), fingerprints it and looks for the reports it
repeats (`repeats`, deciding with intelligence.matching.duplicates: candidates by entity and MinHash band key,
each key's most recent MAX_CANDIDATES_PER_KEY reports only). It writes Mention, Link, Enrichment, Band and
DuplicateGroup rows and the audit events `report.enriched` and `report.linked` in one transaction. Running it
twice for a report does nothing the second time. Analysts then confirm or reject each suggestion
(`decisions.link_decide`). Nothing here links a report to an appeal by itself. See
docs/adr/0010-enrichment-linking.md.

The path of a report: reporting's `report_received` signal -> intelligence.signals.enrich_on_arrival -> (once
the transaction commits, one run per DESK_ENRICH_WINDOW_SECONDS for every report of the window) the task
intelligence.tasks.enrich_arrived -> pipeline.enrich_recent -> pipeline.report_enrich for each; with a window of
0, the report's own task intelligence.tasks.enrich_report.
"""
