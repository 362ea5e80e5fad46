/** Browser entry for the end-to-end test: builds the fake Excel host from the book the test injected. */
import { createFakeHost, type FakeBook } from '../fakes/fakeExcel';

const w = window as unknown as { __selfevalBook?: FakeBook; __selfevalTestHost?: unknown };
if (w.__selfevalBook) w.__selfevalTestHost = createFakeHost(w.__selfevalBook);
