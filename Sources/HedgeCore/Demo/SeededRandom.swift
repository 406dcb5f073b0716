#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// SplitMix64 (Steele, Lea & Flood): a tiny generator used here to expand one seed into xoshiro's state.
public struct SplitMix64: Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** (Blackman & Vigna), seeded through SplitMix64: deterministic on every platform,
/// with the distributions the demo dataset needs. Not for cryptography.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s = (mixer.next(), mixer.next(), mixer.next(), mixer.next())
    }

    public mutating func next() -> UInt64 {
        let result = rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = rotl(s.3, 45)
        return result
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Uniform on [0, 1) with 53 random bits.
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform on (0, 1): never 0, so safe under a logarithm.
    public mutating func nextOpenUniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// Standard normal by the Box–Muller transform (one of the pair is used, for simplicity of state).
    public mutating func nextNormal() -> Double {
        let u1 = nextOpenUniform()
        let u2 = nextUniform()
        return sqrt(-2 * log(u1)) * cos(2 * Double.pi * u2)
    }

    /// Student-t with `degreesOfFreedom` (a positive integer): `Z / sqrt(V / ν)` with V a sum of ν squared normals.
    public mutating func nextStudentT(degreesOfFreedom nu: Int) -> Double {
        let z = nextNormal()
        var chiSquare = 0.0
        for _ in 0..<max(nu, 1) {
            let g = nextNormal()
            chiSquare += g * g
        }
        return z / sqrt(chiSquare / Double(max(nu, 1)))
    }

    /// Student-t scaled to unit variance (requires ν > 2): fat tails, variance 1.
    public mutating func nextUnitVarianceStudentT(degreesOfFreedom nu: Int) -> Double {
        let v = Double(nu)
        return nextStudentT(degreesOfFreedom: nu) * sqrt((v - 2) / v)
    }
}
