import HedgeShell
print("hedge: not yet")
