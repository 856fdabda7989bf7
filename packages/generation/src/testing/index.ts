/** @brandsafe/generation/testing: test helpers for code that uses the generation package. */
export { startFakeAnthropic, type FakeAnthropic, type FakeReply, type MessagesBody, type RecordedRequest } from './fake-anthropic.js';
