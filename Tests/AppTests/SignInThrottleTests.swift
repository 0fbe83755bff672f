@testable import App
import Foundation
import Testing

/// The throttle stops a guesser at their own address and never locks a real user out
/// (issue 13: "anyone can lock any account").
@Suite("Sign-in throttle")
struct SignInThrottleTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aGuessingAddressIsStoppedAndOthersAreNot() async {
        let throttle = SignInThrottle()
        for i in 0..<20 { await throttle.recordFailure(username: "user\(i)", address: "10.0.0.66", now: t0) }
        #expect(await throttle.retryAfter(username: "anyone", address: "10.0.0.66", now: t0) != nil)
        #expect(await throttle.retryAfter(username: "anyone", address: "10.0.0.7", now: t0) == nil)
        // The window moves on.
        #expect(await throttle.retryAfter(username: "anyone", address: "10.0.0.66", now: t0.addingTimeInterval(15 * 60 + 1)) == nil)
    }

    @Test func manyAddressesGuessingOneAccountDelayItBrieflyNeverLockIt() async {
        let throttle = SignInThrottle()
        // A botnet: a thousand addresses, one failure each, against one official's account.
        for i in 0..<1_000 {
            await throttle.recordFailure(username: "city-admin", address: "198.51.100.\(i % 250).\(i)", now: t0.addingTimeInterval(Double(i) * 0.01))
        }
        let last = t0.addingTimeInterval(10)
        let wait = await throttle.retryAfter(username: "city-admin", address: "192.0.2.10", now: last)
        // The real user from a new address waits at most the account delay's cap, not 15 minutes.
        #expect(wait != nil)
        #expect((wait ?? 0) <= 30)
        #expect(await throttle.retryAfter(username: "city-admin", address: "192.0.2.10", now: last.addingTimeInterval(30)) == nil)
    }

    @Test func anAddressThatSignedInBeforeIsNotDelayedByOthersGuessing() async {
        let throttle = SignInThrottle()
        await throttle.recordSuccess(username: "city-admin", address: "192.0.2.10", now: t0)
        for i in 0..<50 { await throttle.recordFailure(username: "city-admin", address: "203.0.113.\(i)", now: t0.addingTimeInterval(60)) }
        #expect(await throttle.retryAfter(username: "city-admin", address: "192.0.2.10", now: t0.addingTimeInterval(61)) == nil)
        #expect(await throttle.retryAfter(username: "city-admin", address: "192.0.2.99", now: t0.addingTimeInterval(61)) != nil)
    }

    @Test func oneAddressCannotKeepTryingOneAccount() async {
        let throttle = SignInThrottle(accountDelayAfter: 1_000)
        for _ in 0..<10 { await throttle.recordFailure(username: "teacher", address: "10.0.0.5", now: t0) }
        let wait = await throttle.retryAfter(username: "teacher", address: "10.0.0.5", now: t0)
        #expect(wait != nil)
        #expect((wait ?? 0) > 800) // the rest of the 15-minute window, for this pair only
        #expect(await throttle.retryAfter(username: "teacher", address: "10.0.0.6", now: t0) == nil)
    }

    @Test func theDelayDoublesUpToItsCap() async {
        let throttle = SignInThrottle()
        #expect(await throttle.accountDelay(failures: 5) == 1)
        #expect(await throttle.accountDelay(failures: 6) == 2)
        #expect(await throttle.accountDelay(failures: 8) == 8)
        #expect(await throttle.accountDelay(failures: 500) == 30)
    }

    @Test func memoryIsBoundedWhateverTheFlood() async {
        let throttle = SignInThrottle(capacity: 1_000)
        for i in 0..<20_000 {
            await throttle.recordFailure(username: "u\(i)", address: "a\(i)", now: t0.addingTimeInterval(Double(i) * 0.001))
        }
        #expect(await throttle.size <= 1_003)
    }
}
