"""The report as Markdown (values from files are escaped, so they cannot inject markup)."""

from geo.labels import pick, quality_label
from geo.site.labels import label as L
from geo.symbology import QUALITIES
from geo.text import plain


def fmt_area(m2: float) -> str:
    """'12 345.6 m² · 0.0123 km² · 18.52 亩'."""
    return f"{m2:,.1f} m² · {m2 / 1e6:,.4f} km² · {m2 / 666.67:,.2f} 亩"


def fmt_share(share: float) -> str:
    return f"{share * 100:.2f} %"


def fmt_km(metres: float) -> str:
    return f"{metres / 1000:.2f} km"


def quality_text(quality: str | None, lang: str) -> str:
    """近似 / 示意 / 实测 for the recorded quality words, else the word itself."""
    return quality_label(quality, lang) if quality in QUALITIES else str(quality)


def basis_text(section: dict, lang: str) -> str:
    return pick(lang, section.get("label_zh"), section.get("label_en"))


def render_markdown(report: dict, lang: str = "zh") -> str:
    """The whole report as Markdown."""
    out: list[str] = [f"# {L('title', lang)}", ""]
    out += _site(report, lang) + _townships(report, lang) + _redline(report, lang)
    out += _plan(report, lang) + _distances(report, lang) + _footer(report, lang)
    return "\n".join(out) + "\n"


def _site(report: dict, lang: str) -> list[str]:
    site, given = report["site"], report["input"]
    crs = given["crs"]
    rows = [f"## {L('site', lang)}", "",
            f"- {L('source', lang)}: {plain(given['source'])}",
            f"- {L('crs', lang)}: {plain(crs['name'])}"
            f"{L('assumed', lang) if crs['assumed'] else ''}"
            + (f" — {plain(pick(lang, crs['note_zh'], crs['note_en']))}" if crs["note_zh"] else ""),
            f"- {L('type', lang)}: {site['geometry_type']}"
            + (f" → {site['checked_type']}" if site["checked_type"] != site["geometry_type"]
               else ""),
            f"- {L('vertices', lang)}: {site['vertices']}"]
    if site["buffer_m"]:
        rows.append(f"- {L('buffer', lang)}: {site['buffer_m']:g} m")
    if site["area_m2"]:
        rows.append(f"- {L('area', lang)}: {fmt_area(site['area_m2'])}")
    if site["length_m"]:
        rows.append(f"- {L('length', lang)}: {site['length_m']:,.1f} m")
    lon, lat = site["centroid"]
    rows.append(f"- {L('centroid', lang)}: {lon:.6f}°E, {lat:.6f}°N")
    rows.append(f"- {L('bbox', lang)}: " + ", ".join(f"{v:.6f}" for v in site["bbox"]))
    extent = report["extent"]
    if extent["outside_share"] > 0:
        names = "、".join(plain(pick(lang, n["name"], n.get("name_en")))
                         for n in extent["neighbours"])
        rows.append(f"- **{L('outside', lang)}: {fmt_share(extent['outside_share'])}"
                    f"{f' ({names})' if names else ''}**")
    notes = given["notes"]
    if notes:
        rows += ["", f"**{L('notes', lang)}**", ""]
        rows += [f"- {plain(n['where'])}: {plain(pick(lang, n['zh'], n['en']))}" for n in notes]
    return [*rows, ""]


def _townships(report: dict, lang: str) -> list[str]:
    section = report["townships"]
    rows = [f"## {L('townships', lang)}", "",
            f"{L('figures_basis', lang)}: {plain(basis_text(section, lang))}", ""]
    for item in section["items"]:
        amount = ""
        if "area_m2" in item:
            amount = f" — {fmt_area(item['area_m2'])}"
        elif "length_m" in item:
            amount = f" — {item['length_m']:,.1f} m"
        approx = "≈" if section["basis"] != "exact" else ""
        villages = "、".join(f"{plain(v['name'])} {fmt_km(v['distance_m'])}"
                            for v in item["villages"])
        rows.append(f"- **{plain(pick(lang, item['name'], item['name_en']))}** "
                    f"{approx}{fmt_share(item['share'])}{amount}")
        if villages:
            rows.append(f"  - {L('villages', lang)}: {villages}")
    return [*rows, ""]


def _redline(report: dict, lang: str) -> list[str]:
    red = report["redline"]
    message = plain(pick(lang, red["message_zh"], red["message_en"]))
    rows = [f"## {L('redline', lang)}", ""]
    if red["status"] == "not_loaded":
        return [*rows, f"> ⚠ {message}", ""]
    if red["flag"]:
        rows.append(f"> **⚠ {message}** — {fmt_share(red['share'])}"
                    + (f", {fmt_area(red['area_m2'])}" if red.get("area_m2") else ""))
        for part in red["parts"]:
            attrs = "; ".join(f"{plain(k)}={plain(v)}" for k, v in part["attributes"].items())
            rows.append(f"> - #{part['index']}: {fmt_share(part['share'])}"
                        + (f", {part['area_m2']:,.1f} m²" if "area_m2" in part else "")
                        + (f" — {attrs}" if attrs else ""))
    else:
        rows.append(f"> {message}")
    return [*rows, ""]


def _cite(citations: list[str]) -> str:
    return f" _（{plain('; '.join(citations))}）_" if citations else ""


def _plan(report: dict, lang: str) -> list[str]:
    rows = [f"## {L('plan', lang)}", ""]
    for town in report["plan"]["townships"]:
        rows += [f"### {plain(pick(lang, town['name'], town['name_en']))}", ""]
        for role in town["roles"]:
            rows.append(f"- {L('roles', lang)}: {plain(pick(lang, role['name'], role['name_en']))}"
                        + _cite(role["citations"]))
        for axis in town["axes"]:
            rows.append(f"- {L('axes', lang)}: {plain(pick(lang, axis['name'], axis['name_en']))}"
                        f" ({axis['position']}/{axis['of']})" + _cite(axis["citations"]))
        for industries in town["industries"].values():
            names = "、".join(plain(pick(lang, i["name"], i["name_en"])) for i in industries)
            mode_name = pick(lang, industries[0]["mode_name"], industries[0]["mode_name_en"])
            cites = sorted({c for i in industries for c in i["citations"]})
            rows.append(f"- {L('industries', lang)}（{plain(mode_name)}）: {names}" + _cite(cites))
        for key, facts in (("parks", town["parks"]), ("featured", town["featured_towns"])):
            for fact in facts:
                rows.append(f"- {L(key, lang)}: {plain(pick(lang, fact['name'], fact['name_en']))}"
                            + _cite(fact["citations"]))
        rows.append("")
    near = report["plan"]["nearby"]
    km = f"{near['within_m'] / 1000:g}"
    rows += [f"### {L('nearby', lang)}（{L('within', lang, km=km)}）", ""]
    if not near["items"]:
        rows.append(f"- {L('none', lang)}")
    for item in near["items"]:
        how = L("by_village", lang) if item["located_by"] == "village_point" else \
            L("by_township", lang)
        place = plain(item["township"] + (item["village"] or ""))
        rows.append(f"- {plain(pick(lang, item['name'], item['name_en']))} — {place}, "
                    f"{fmt_km(item['distance_m'])} ({how})" + _cite(item["citations"]))
    return [*rows, ""]


def _distances(report: dict, lang: str) -> list[str]:
    rows = [f"## {L('distances', lang)}", ""]
    for entry in report["distances"].values():
        rows.append(f"- {plain(pick(lang, entry['name'], entry['name_en']))}: "
                    f"{fmt_km(entry['distance_m'])} ({quality_label(entry['quality'], lang)})")
    return [*rows, ""]


def _footer(report: dict, lang: str) -> list[str]:
    rows = [f"## {L('sources', lang)}", ""]
    for src in report["sources"]:
        rows.append(f"- {plain(pick(lang, src['title_zh'], src['title_en']))}: "
                    f"{plain(src['version_label'])}; {plain(quality_text(src['quality'], lang))}; "
                    f"{plain(src['attribution'])}")
    disclaimer = report["disclaimer"]
    rows += ["", f"{L('date', lang)}: {report['generated_at']}", "",
             f"**{disclaimer['zh']}** / {disclaimer['en']}"]
    return rows
