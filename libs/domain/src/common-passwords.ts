/**
 * Passwords that attackers try first: the top of the public breach-frequency lists, plus those common in
 * Vietnam (matkhau = "password", anhyeuem = "I love you", phone-style digit runs). Lower-case; the policy
 * compares case-insensitively. Short ones are kept although the length rule refuses them already, so the
 * list stays true to its name if the minimum length ever changes.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  // Digit and keyboard runs
  '123456', '1234567', '12345678', '123456789', '1234567890', '12345678910', '0123456789', '0987654321',
  '9876543210', '987654321', '123123', '123123123', '1231231234', '123321', '654321', '111111', '1111111111',
  '000000', '0000000000', '222222', '666666', '888888', '8888888888', '999999', '9999999999', '112233',
  '11223344', '1122334455', '121212', '12341234', '123454321', '147258369', '1472583690', '159357',
  '159753', '147852369', '123654789', '123qwe', '123qweasd', '1q2w3e', '1q2w3e4r', '1q2w3e4r5t',
  '1qaz2wsx', '1qaz2wsx3edc', 'zaq12wsx', 'qwerty', 'qwerty123', 'qwertyuiop', 'qwertyuiop123', 'asdfgh',
  'asdfghjkl', 'zxcvbnm', 'zxcvbnm123', 'qazwsx', 'qazwsxedc', 'abc123', 'abc12345', 'abc123456',
  'abc1234567', 'abcd1234', 'abcdef', 'abcdefgh', 'abcdefghij', 'a123456789', '123456789a', '123456789q',
  '1234567890a', 'aa123456', 'aa12345678', 'aaaaaa', 'aaaaaaaaaa', 'a1b2c3d4', 'a1b2c3d4e5',
  // English words and their usual decorations
  'password', 'password1', 'password12', 'password123', 'password1234', 'passw0rd', 'p@ssw0rd',
  'p@ssword', 'p@ssw0rd123', 'p@ssword123', 'pass@123', 'pass1234', 'passpass', 'admin', 'admin123',
  'admin1234', 'admin12345', 'admin@123', 'admin@1234', 'administrator', 'root', 'root123', 'toor',
  'welcome', 'welcome1', 'welcome123', 'welcome@123', 'letmein', 'letmein123', 'iloveyou', 'iloveyou1',
  'iloveyou123', 'monkey', 'dragon', 'master', 'sunshine', 'princess', 'football', 'baseball', 'superman',
  'batman', 'trustno1', 'starwars', 'whatever', 'shadow', 'michael', 'jennifer', 'computer', 'internet',
  'changeme', 'changeme123', 'default', 'secret', 'secret123', 'test', 'test123', 'test1234', 'testtest',
  'guest', 'guest123', 'user', 'user123', 'login', 'hello123', 'hellohello', 'goodluck', 'google',
  'facebook', 'youtube', 'samsung', 'nokia', 'iphone', 'zalo', 'microsoft', 'qwerty1234', 'demo', 'demo123',
  // Vietnamese
  'matkhau', 'matkhau1', 'matkhau12', 'matkhau123', 'matkhau1234', 'matkhau@123', 'matkhaumoi', 'matkhau2024',
  'matkhau2025', 'anhyeuem', 'anhyeuem1', 'anhyeuem123', 'anhyeuem1234', 'emyeuanh', 'emyeuanh123',
  'yeuem123', 'yeuanh123', 'iloveu', 'iloveu123', 'vietnam', 'vietnam123', 'vietnam1234', 'vietnam@123',
  'hanoi123', 'hanoi1234', 'saigon123', 'hochiminh', 'congdoan', 'congdoan123', 'congdoan@123',
  'congdoan2024', 'congdoan2025', 'doanvien', 'doanvien123', 'nguyen123', 'nguyenvana',
  'tran123456', 'le123456', 'pham123456', 'hoang123456', 'minh123456', 'huong123456', 'tuan123456',
  'khongbiet', 'khongco', 'xinchao', 'xinchao123', 'chaoban', 'chaoban123', 'hahaha', 'hihihi', 'hehehe',
  'tinhyeu', 'tinhyeu123', 'cuocsong', 'hanhphuc', 'hanhphuc123', 'thanhcong', 'baomat', 'baomat123',
  'quantri', 'quantri123', 'quantrivien', 'taikhoan', 'taikhoan123',
]);
