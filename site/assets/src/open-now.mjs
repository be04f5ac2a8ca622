// "Open now" or when a service opens next, from the visitor's own clock in UK time.
// Each service with hours set by day has <p class="fv-open" data-schedule="[[0,4,"09:00","17:00"],…]" hidden>
// (days from Monday = 0); the words come from data-* attributes on <main>, in the page's language.
// Bank holidays are not known, so the words say "usually". Nothing is fetched or stored.

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

export function londonNow (date = new Date()) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
  }).formatToParts(date)
  const part = (type) => parts.find((p) => p.type === type).value
  return { day: DAYS.indexOf(part('weekday')), minutes: Number(part('hour')) * 60 + Number(part('minute')) }
}

const minutesOf = (time) => {
  const [hours, minutes] = time.split(':').map(Number)
  return hours * 60 + minutes
}

// {open: true, until} while open; {open: false, opens, daysAhead} when closed; null if it never opens.
export function openingState (schedule, now) {
  const on = (day) => schedule.filter(([first, last]) => first <= day && day <= last)
  for (const [, , opens, closes] of on(now.day)) {
    if (minutesOf(opens) <= now.minutes && now.minutes < minutesOf(closes)) return { open: true, until: closes }
  }
  for (let daysAhead = 0; daysAhead <= 7; daysAhead++) {
    const times = on((now.day + daysAhead) % 7).map(([, , opens]) => opens)
      .filter((opens) => daysAhead > 0 || minutesOf(opens) > now.minutes).sort()
    if (times.length) return { open: false, opens: times[0], daysAhead, day: (now.day + daysAhead) % 7 }
  }
  return null
}

function clock (time, lang) {
  const [hours, minutes] = time.split(':').map(Number)
  if (lang === 'en') { // as GOV.UK writes times: 9am, 5:30pm, midday, midnight
    if (minutes === 0 && hours % 24 === 0) return 'midnight'
    if (minutes === 0 && hours === 12) return 'midday'
    const twelve = hours % 12 || 12
    return `${twelve}${minutes ? ':' + String(minutes).padStart(2, '0') : ''}${hours % 24 < 12 ? 'am' : 'pm'}`
  }
  return new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })
    .format(new Date(Date.UTC(2024, 0, 1, hours % 24, minutes)))
}

function dayName (day, lang) { // 1 January 2024 was a Monday
  return new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + day)))
}

export function showOpenNow (root = document) {
  const words = root.querySelector('main')?.dataset
  if (!words) return
  const lang = document.documentElement.lang || 'en'
  const now = londonNow()
  for (const element of root.querySelectorAll('.fv-open[data-schedule]')) {
    const state = openingState(JSON.parse(element.dataset.schedule), now)
    if (!state) continue
    const template = state.open ? words.open
      : state.daysAhead === 0 ? words.opensToday
        : state.daysAhead === 1 ? words.opensTomorrow : words.opensLater
    element.textContent = template
      .replace('{time}', clock(state.open ? state.until : state.opens, lang))
      .replace('{day}', state.open ? '' : dayName(state.day, lang))
    element.classList.toggle('fv-open--now', state.open)
    element.hidden = false
  }
}
