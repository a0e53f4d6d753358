"""`python -m bench`: the viewer measured against a naive folium map of the same layers."""
