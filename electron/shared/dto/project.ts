export interface ProjectInfo {
  path: string
  name: string
  schemaVersion: number
  sourceCount: number
  claimCount: number
  briefCount: number
  /** Opened read-only, and why (another Evident is writing it): changes are refused until it is opened normally. */
  readOnly?: { reason: string }
}

export interface RecentProject {
  path: string
  name: string
  openedAt: string
}

/** A recent project as the window gets it: shown by its name and path, opened by its handle. */
export interface OpenableProject extends RecentProject {
  file: string
}

export interface FileFilter {
  name: string
  extensions: string[]
}
