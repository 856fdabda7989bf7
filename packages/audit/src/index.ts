/** @brandsafe/audit: RFC 9162 Merkle log math, signed checkpoints, receipts and offline verification. */
export {};
