import Testing
@testable import HedgeShell
