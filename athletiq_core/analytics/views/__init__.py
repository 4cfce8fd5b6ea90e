"""One module per view, each with one function returning everything the view shows.

The desktop app, the LAN server and the command line call these, so they show
the same numbers:

- :func:`.dashboard.dashboard`, :func:`.personal_bests.personal_bests`,
  :func:`.races.race_history`, :func:`.progression.progression`,
  :func:`.calendar.calendar`, :func:`.fitness.fitness`,
  :func:`.year_vs_year.year_vs_year`, :func:`.goals.goals`, :func:`.gear.gear`,
  :func:`.predictions.predictions`, :func:`.eddington_view.eddington_view` and
  :func:`.segments.segments`.

Each takes :class:`~athletiq_core.analytics.filters.Filters` and a
:class:`~athletiq_core.units.UnitSystem`; views that depend on the date take the
athlete's local ``today`` as well. Each reads the database with a fixed number
of queries, whatever the size of the history, and stores nothing. The functions
are imported from their modules (``from athletiq_core.analytics.views.dashboard
import dashboard``), so a module name always means the module.
"""
