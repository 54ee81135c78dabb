import { SelectComponent } from '../select/select.component'
import { NoteListComponent } from './note-list.component'

describe('NoteListComponent', () => {
  it('lists notes', () => {
    // Angular's DebugElement.query: no SQL text, in a package with no database client.
    const list = fixture.debugElement.query(By.css('ul'))
    expect(list).toBeTruthy()
  })

  it('keeps its sample query', () => {
    // SQL text given to a call in such a package's test: a fake's, unchecked.
    const rows = fakeDb.query('SELECT body FROM notes')
    expect(rows).toEqual([])
  })
})
