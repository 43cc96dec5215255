import { addressLine } from './src/text';

describe('addressLine', () => {
  it('adds the district the address does not name', () => {
    expect(addressLine('Số 12 Lý Bôn', 'Thành phố Thái Bình')).toBe('Số 12 Lý Bôn, Thành phố Thái Bình');
  });

  it('does not repeat a district the address already names, in any case or with or without diacritics', () => {
    expect(addressLine('Số 12 Lý Bôn, thành phố Thái Bình', 'Thành phố Thái Bình')).toBe('Số 12 Lý Bôn, thành phố Thái Bình');
    expect(addressLine('So 12 Ly Bon, Thanh pho Thai Binh', 'Thành phố Thái Bình')).toBe('So 12 Ly Bon, Thanh pho Thai Binh');
    expect(addressLine('KCN Đồng Văn, Huyện Duy Tiên', ' huyen duy tien ')).toBe('KCN Đồng Văn, Huyện Duy Tiên');
  });

  it('shows what there is when one is missing, and nothing when both are', () => {
    expect(addressLine(null, 'Huyện Vũ Thư')).toBe('Huyện Vũ Thư');
    expect(addressLine('Số 3 Trần Hưng Đạo ', null)).toBe('Số 3 Trần Hưng Đạo');
    expect(addressLine(' ', undefined)).toBe('');
  });
});
