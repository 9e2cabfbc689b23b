// The roll-up rule users are shown (modules/plan/rollup.hpp).
#include "modules/plan/rollup.hpp"

#include <gtest/gtest.h>

using namespace vigie::plan;

namespace {
Action action(std::optional<Status> status, std::optional<int> progress, int weight = 1,
              std::optional<std::string> deadline = std::nullopt) {
  Action a;
  a.weight = weight;
  a.deadline = deadline;
  if (status) a.latest = Update{1, *status, progress, "", {}, "2026-01-01", "ORG", "", ""};
  return a;
}
Plan plan_of(std::vector<Action> actions, std::vector<Action> second = {}) {
  Plan p;
  Axis axis;
  Measure m1;
  m1.actions = std::move(actions);
  axis.measures.push_back(m1);
  if (!second.empty()) {
    Measure m2;
    m2.actions = std::move(second);
    axis.measures.push_back(m2);
  }
  p.axes.push_back(axis);
  return p;
}
}  // namespace

TEST(PlanRollup, AMeasureIsTheWeightedMeanOfItsActions) {
  auto p = plan_of({action(Status::in_progress, 50, 3), action(Status::achieved, std::nullopt, 1)});
  roll_up(p, "2026-06-01");
  EXPECT_DOUBLE_EQ(p.axes[0].measures[0].progress, (50.0 * 3 + 100) / 4);
  EXPECT_EQ(p.axes[0].measures[0].status, Status::in_progress);
}

TEST(PlanRollup, WithoutUpdatesAnActionCountsZeroAndHasNotStarted) {
  auto p = plan_of({action(std::nullopt, std::nullopt), action(Status::in_progress, 40)});
  roll_up(p, "2026-06-01");
  EXPECT_EQ(p.axes[0].measures[0].actions[0].status, Status::not_started);
  EXPECT_DOUBLE_EQ(p.axes[0].measures[0].progress, 20);
}

TEST(PlanRollup, OverdueMeansDeadlinePassedAndNotAchievedAndMakesTheMeasureDelayed) {
  auto p = plan_of({action(Status::in_progress, 60, 1, "2026-03-31"),
                    action(Status::achieved, 100, 1, "2026-03-31")});
  roll_up(p, "2026-04-01");
  EXPECT_TRUE(p.axes[0].measures[0].actions[0].overdue);
  EXPECT_FALSE(p.axes[0].measures[0].actions[1].overdue);
  EXPECT_EQ(p.axes[0].measures[0].status, Status::delayed);
  roll_up(p, "2026-03-31");  // the deadline day itself is not late
  EXPECT_FALSE(p.axes[0].measures[0].actions[0].overdue);
}

TEST(PlanRollup, AbandonedActionsAndRetiredMeasuresAreLeftOut) {
  auto p = plan_of({action(Status::abandoned, 0), action(Status::in_progress, 80)},
                   {action(Status::in_progress, 20)});
  p.axes[0].measures[1].retired = true;
  roll_up(p, "2026-06-01");
  EXPECT_DOUBLE_EQ(p.axes[0].measures[0].progress, 80);
  EXPECT_DOUBLE_EQ(p.axes[0].progress, 80);
  EXPECT_DOUBLE_EQ(p.progress, 80);
}

TEST(PlanRollup, AllAchievedIsAchievedAllAbandonedIsAbandoned) {
  auto done = plan_of({action(Status::achieved, 100), action(Status::abandoned, 0)});
  roll_up(done, "2026-06-01");
  EXPECT_EQ(done.axes[0].measures[0].status, Status::achieved);
  auto dropped = plan_of({action(Status::abandoned, 0)});
  roll_up(dropped, "2026-06-01");
  EXPECT_EQ(dropped.axes[0].measures[0].status, Status::abandoned);
}

// An axis's status (what a cross-cutting theme's field view shows as official): its measures'
// statuses rolled up as a measure rolls up its actions'.
TEST(PlanRollup, AnAxisIsAchievedWhenEveryMeasureIsDelayedWhenOneIsInProgressWhenOneStarted) {
  auto both_achieved = plan_of({action(Status::achieved, 100)}, {action(Status::achieved, 100)});
  roll_up(both_achieved, "2026-06-01");
  EXPECT_EQ(both_achieved.axes[0].status, Status::achieved);

  auto one_started =
      plan_of({action(Status::in_progress, 30)}, {action(std::nullopt, std::nullopt)});
  roll_up(one_started, "2026-06-01");
  EXPECT_EQ(one_started.axes[0].status, Status::in_progress);

  auto one_late = plan_of({action(Status::achieved, 100)}, {action(Status::delayed, 10)});
  roll_up(one_late, "2026-06-01");
  EXPECT_EQ(one_late.axes[0].status, Status::delayed);

  auto none = plan_of({action(std::nullopt, std::nullopt)}, {action(std::nullopt, std::nullopt)});
  roll_up(none, "2026-06-01");
  EXPECT_EQ(none.axes[0].status, Status::not_started);

  // A retired measure does not hold the axis back.
  auto retired = plan_of({action(Status::achieved, 100)}, {action(Status::delayed, 10)});
  retired.axes[0].measures[1].retired = true;
  roll_up(retired, "2026-06-01");
  EXPECT_EQ(retired.axes[0].status, Status::achieved);
}
