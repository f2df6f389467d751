// The API's shapes as the console reads them (API.md; field names are the contract).

export interface Location { unlocode?: string | null; name?: string | null; lat?: number | null; lon?: number | null }
export interface Milestone { at: string; code: string; classifier?: string | null; carrier?: string | null; location?: Location | null; eventId: string }
export interface Leg { id: string; custodian?: string | null; mode?: string | null }
export interface Shipment {
  id: string; reference: string; refs: { scheme: string; value: string }[]; status: string; createdAt: string; profile: string;
  product?: { name?: string; lot?: string } | null; consignee?: string | null; legs: Leg[];
  devices: { device: string; from?: string | null; to?: string | null; position?: string | null }[];
  latestMilestone?: Milestone | null;
  location?: { source: string; at: string; lat?: number | null; lon?: number | null; name?: string | null; unlocode?: string | null; device?: string | null } | null;
  eta?: { at: string; classifier: string; source: string; code: string } | null;
  excursionState: string; verdict?: string | null; reportVersion?: number | null;
}
export interface TimelineEntry {
  at: string; kind: string; code?: string | null; classifier?: string | null; carrier?: string | null; location?: Location | null; eventId: string; detail?: string | null;
}
export interface Reading { eventId: string; type: string; value: number; unit: string; occurredAt: string; device?: string | null; flags: string[] }
export interface Signature { id: string; signer: string; meaning: string; signedAt: string; contentSha256: string; comment?: string | null; verified: boolean }
export interface ReportVersion {
  version: number; contentSha256: string; status: string; verdict: string; madeAt: string; trigger: string; signatures: Signature[];
}
export interface AuditEntry { seq: number; at: string; actor: string; action: string; target: string; before?: string | null; after?: string | null; reason?: string | null; hash: string }
export interface Quarantined { id: string; adapterId: string; receivedAt: string; quarantinedAt?: string | null; sha256: string; size: number; codec?: string | null; reason?: string | null; replays: number }
export interface AssetPosition { id: string; lat: number; lon: number; accuracyM?: number | null; method: string; occurredAt: string }
