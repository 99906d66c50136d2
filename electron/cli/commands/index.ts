import type { CliCommand } from '../command'
import { briefsCommand } from './briefs'
import { checkCommand } from './check'
import { claimsCommand } from './claims'
import { doctorCommand } from './doctor'
import { exportCommand } from './export'
import { importCommand } from './import'
import { lookupCommand } from './lookup'
import { newCommand } from './new'
import { searchCommand } from './search'
import { sourcesCommand } from './sources'
import { trashCommand } from './trash'
import { zoteroCommand } from './zotero'

/** The registry: a new command (claims, briefs, export, check) is one file plus one line here. */
export const COMMANDS: readonly CliCommand[] = [newCommand, sourcesCommand, importCommand, zoteroCommand, lookupCommand, searchCommand, claimsCommand, briefsCommand, exportCommand, checkCommand, trashCommand, doctorCommand]

export function findCommand(name: string): CliCommand | undefined {
  return COMMANDS.find((command) => command.name === name)
}
