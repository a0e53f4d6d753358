"""The Streamlit user interface of the viewer (sidebar, township panel, tables, exports)."""
