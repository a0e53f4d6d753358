"""Site check (选址初审): what the plan and the red line say about a proposed project site.

`geo.site.check.check_site` builds the report (a plain dict, schema in docs/site-check.md) from a
`geo.site.inputs.SiteInput`; `python -m geo.site check SITE` is the command line.
"""
