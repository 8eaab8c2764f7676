/**
 * The domains' tables as CSV exports (`admin export <table>`): job postings, job
 * applications, enrolment applications, hazard reports and event sign-ups. What leaves in a
 * spreadsheet travels further than the console, so personal data stays out: no names, ID
 * numbers or phones (not even masked) of applicants, no reporter of a hazard report, no
 * check-in codes; residents appear only by their internal id, and phones or ID numbers a
 * resident typed into a free text are masked.
 */
import { maskPersonalData } from '../../privacy/mask.js';
import { excelTime, type TableExporter } from './exporters.js';

const yes = (b: boolean) => (b ? 1 : 0);

const jobPostings: TableExporter = {
  name: 'job_postings',
  description: 'the gig-work hub\u2019s postings (零工岗位)',
  header: ['id', 'external_id', 'employer', 'title', 'category', 'village', 'location', 'pay_amount', 'pay_max', 'pay_unit', 'headcount', 'day_work', 'part_time', 'contact', 'posted_at', 'valid_until', 'status', 'source'],
  count: (prisma) => prisma.jobPosting.count(),
  async batch(prisma, afterId, take) {
    const rows = await prisma.jobPosting.findMany({ where: { id: { gt: afterId } }, orderBy: { id: 'asc' }, take, include: { employer: { select: { name: true } } } });
    return rows.map((r) => ({
      id: r.id,
      cells: [r.id, r.externalId, r.employer.name, r.title, r.category, r.village, r.location, r.payAmount, r.payMax, r.payUnit, r.headcount, yes(r.dayWork), yes(r.partTime), r.contact, excelTime(r.postedAt), excelTime(r.validUntil), r.status, r.source],
    }));
  },
};

const jobApplications: TableExporter = {
  name: 'job_applications',
  description: 'residents\u2019 applications for postings (no names or phones)',
  header: ['id', 'created_at', 'resident_id', 'posting_id', 'posting_external_id', 'posting_title', 'status'],
  count: (prisma) => prisma.jobApplication.count(),
  async batch(prisma, afterId, take) {
    const rows = await prisma.jobApplication.findMany({
      where: { id: { gt: afterId } },
      orderBy: { id: 'asc' },
      take,
      include: { posting: { select: { externalId: true, title: true } } },
    });
    return rows.map((r) => ({ id: r.id, cells: [r.id, excelTime(r.createdAt), r.residentId, r.postingId, r.posting.externalId, r.posting.title, r.status] }));
  },
};

const enrolments: TableExporter = {
  name: 'enrolment_applications',
  description: 'insurance enrolment applications, WITHOUT names, ID numbers or phones',
  header: ['id', 'created_at', 'coverage_year', 'relation', 'age_group', 'village', 'category', 'status', 'return_reason', 'updated_at'],
  count: (prisma) => prisma.enrolmentApplication.count(),
  async batch(prisma, afterId, take) {
    const rows = await prisma.enrolmentApplication.findMany({
      where: { id: { gt: afterId } },
      orderBy: { id: 'asc' },
      take,
      // Only what the statistics need: the personal columns are never even read.
      select: { id: true, createdAt: true, coverageYear: true, relation: true, ageGroup: true, village: true, category: true, status: true, returnReason: true, updatedAt: true },
    });
    return rows.map((r) => ({
      id: r.id,
      cells: [r.id, excelTime(r.createdAt), r.coverageYear, r.relation, r.ageGroup, r.village, r.category, r.status, r.returnReason ? maskPersonalData(r.returnReason) : null, excelTime(r.updatedAt)],
    }));
  },
};

const hazardReports: TableExporter = {
  name: 'hazard_reports',
  description: '随手拍 reports, without reporter data (no resident, contact or channel)',
  header: ['id', 'code', 'created_at', 'category', 'description', 'place_id', 'address', 'grid_id', 'urgent', 'status', 'acknowledged_at', 'closed_at', 'escalation_level', 'rating'],
  count: (prisma) => prisma.hazardReport.count(),
  async batch(prisma, afterId, take) {
    const rows = await prisma.hazardReport.findMany({
      where: { id: { gt: afterId } },
      orderBy: { id: 'asc' },
      take,
      select: {
        id: true, code: true, createdAt: true, category: true, description: true, placeId: true, address: true, gridId: true,
        urgent: true, status: true, acknowledgedAt: true, closedAt: true, escalationLevel: true, rating: true,
      },
    });
    return rows.map((r) => ({
      id: r.id,
      cells: [r.id, r.code, excelTime(r.createdAt), r.category, maskPersonalData(r.description), r.placeId, r.address, r.gridId, yes(r.urgent), r.status, excelTime(r.acknowledgedAt), excelTime(r.closedAt), r.escalationLevel, r.rating],
    }));
  },
};

const eventSignups: TableExporter = {
  name: 'event_signups',
  description: 'sign-ups for cultural events (no check-in codes)',
  header: ['id', 'event_id', 'event_title', 'resident_id', 'party_size', 'status', 'created_at', 'cancelled_at', 'checked_in_at'],
  count: (prisma) => prisma.eventSignup.count(),
  async batch(prisma, afterId, take) {
    const rows = await prisma.eventSignup.findMany({
      where: { id: { gt: afterId } },
      orderBy: { id: 'asc' },
      take,
      select: { id: true, eventId: true, residentId: true, partySize: true, status: true, createdAt: true, cancelledAt: true, checkedInAt: true, event: { select: { title: true } } },
    });
    return rows.map((r) => ({
      id: r.id,
      cells: [r.id, r.eventId, r.event.title, r.residentId, r.partySize, r.status, excelTime(r.createdAt), excelTime(r.cancelledAt), excelTime(r.checkedInAt)],
    }));
  },
};

/** The domains' exportable tables. */
export const domainExporters: readonly TableExporter[] = [jobPostings, jobApplications, enrolments, hazardReports, eventSignups];
