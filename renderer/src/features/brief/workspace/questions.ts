import type { EvidentApi } from '@shared/api'
import type { QuestionChoice } from './QuestionField'

/** The question id to store with a brief, creating the question first when the analyst typed a new one. */
export async function resolveQuestion(api: EvidentApi, choice: QuestionChoice): Promise<string | null> {
  if (choice.kind === 'none') return null
  if (choice.kind === 'existing') return choice.id || null
  if (!choice.text.trim()) return null
  return (await api.invoke('questions.create', { text: choice.text.trim() })).id
}
