"""The CPD area: continuing professional development entries and yearly totals."""
