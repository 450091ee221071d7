// The install-state shape lives in the domain (storage and use-cases read it); re-exported here.
export type { InstallState, InstalledProcess } from '../domain/install-state.ts'
