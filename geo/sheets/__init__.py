"""Printed map sheets and the township atlas (vector PDF or PNG), drawn with matplotlib from
the same data, plan facts and styles as the web map. matplotlib is imported only when a
sheet is rendered. Entry points: render(SheetSpec) -> Sheet, atlas.write_atlas()."""
