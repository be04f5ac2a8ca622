// Enhancements only: every page works without JavaScript.
// Exit this page: Shift pressed three times, the overlay, and the secondary skip link.
import { Button, ExitThisPage, SkipLink, createAll } from 'govuk-frontend'
import { headerSearch } from './header-search.mjs'
import { offerPreferredLanguage } from './languages.mjs'
import { showOpenNow } from './open-now.mjs'

createAll(Button)
createAll(SkipLink)
createAll(ExitThisPage)
showOpenNow()
headerSearch()
offerPreferredLanguage()
