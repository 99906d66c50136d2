import { useEffect, useState } from 'react'
import type { ProjectInfo } from '@shared/dto/project'
import { useApi } from '../../api/context'
import { useToast } from '../../ui/Toast'
import { useEvent } from '../../ui/useEvent'

/** The open project, as the core last described it. */
export function useProjectInfo(): ProjectInfo | null {
  const api = useApi()
  const toast = useToast()
  const [info, setInfo] = useState<ProjectInfo | null>(null)
  useEvent('project.changed', setInfo)

  useEffect(() => {
    let stale = false
    api
      .invoke('project.info', {})
      .then((value) => !stale && setInfo(value))
      .catch((error: unknown) => !stale && toast.error(error))
    return () => {
      stale = true
    }
  }, [api, toast])

  return info
}
