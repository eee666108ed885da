"""`doum import`: bring an existing help center in (CSV/TSV, Zendesk Guide, Intercom, HTML pages).

The pipeline runs in this order, and nothing is written before the last step:

1. readers (csvfile, zendesk, intercom, htmlfolder) turn every source into `Entry`s, raising
   `ImportFailure` (file and line) on input that cannot be trusted;
2. plan gives every entry its final title, folder and file name, converts its body to
   Markdown (sanitise → markdown) and compares it with the manifest of the last import;
3. writer stages the files in a temporary folder and moves them into docs/;
4. report says what happened.
"""
