-- Acts now write one note each, in figure_pending (issue 7, tenth session); the figures' drain
-- moves the notes it deletes into petition_duty_change in the same transaction, and the deadline
-- watch reads both journals. During a rolling upgrade an instance of the earlier version may
-- still drain figure_pending without moving its notes, so the next watch run compares every duty
-- once, as after V33.
insert into petition_duty_change (petition_id) values ('*');
