"""What customers could not find: the opt-in events' settings (site data, privacy notice),
reading collected events (JSON Lines or CSV), aggregating them and rendering `doum report`.

    settings.site_data(options.insights)   → the #doum-site "insights" entry (None when off)
    events.read(paths)                     → events + the malformed lines, with file:line
    aggregate.summarize(events, …)         → the report's numbers
    suggest.suggest(…)                     → add keywords / a synonym group / write a page
"""
