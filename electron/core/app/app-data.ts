import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Where Electron's app.getPath('userData') points for Evident, worked out without Electron, so browser
 * mode and the CLI share the desktop app's default project and recent list.
 */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = homedir()
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Evident')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Evident')
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Evident')
}
