/**
 * "Workforce > Recruitment" with the parents quieter than the tag itself. The separator is a bare text
 * node: whitespace at the edge of an element is dropped from accessible names, which would glue the words.
 */
export function TagPath({ path }: { path: string }) {
  const cut = path.lastIndexOf(' > ')
  if (cut < 0) return <span className="tag-path">{path}</span>
  return (
    <span className="tag-path">
      <span className="tag-parents">{path.slice(0, cut)}</span>
      {' > '}
      <span>{path.slice(cut + 3)}</span>
    </span>
  )
}
