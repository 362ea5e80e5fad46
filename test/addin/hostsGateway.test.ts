import { createExcelGateway } from '../../src/addin/host/excelGateway';
import { parseRecord, RECORD_KEY } from '../../src/addin/core/marks';
import { createWpsGateway } from '../../src/addin/wps/wpsGateway';
import { MARKS_NAMESPACE, recordFromXml } from '../../src/addin/wps/store';
import { createFakeEt, type EtBook } from '../fakes/et/fakeEt';
import { createFakeHost, type FakeBook } from '../fakes/fakeExcel';
import { cloneBook } from '../fakes/fromExcelJs';
import { type HostKit, type HostUnderTest, runGatewaySuite } from './sharedGatewaySuite';

// Real workbooks through a strict fake on a shared machine: give each test room.
jest.setTimeout(60_000);

/** The same suite over Office.js (the Excel fake) and the ET object model (the WPS fake). */
const excel: HostKit = {
  name: 'Excel',
  open(book: FakeBook): HostUnderTest {
    const host = createFakeHost(book);
    return {
      gateway: createExcelGateway(host),
      book: host.book,
      cost: () => host.syncs,
      record: () =>
        host.book.settings[RECORD_KEY] ? parseRecord(host.book.settings[RECORD_KEY]) : null,
      reopen: () => excel.open(cloneBook(host.book)),
    };
  },
};

const wps: HostKit = {
  name: 'WPS',
  open(book: FakeBook): HostUnderTest {
    const et = createFakeEt(book as EtBook);
    return {
      gateway: createWpsGateway(et.app),
      book: et.book,
      cost: () => et.calls,
      record: () => {
        const part = (et.book.customXmlParts ?? []).find((p) => p.xml.includes(MARKS_NAMESPACE));
        return part ? recordFromXml(part.xml) : null;
      },
      reopen: () => wps.open(cloneBook(et.book)),
    };
  },
};

runGatewaySuite(excel);
runGatewaySuite(wps);
