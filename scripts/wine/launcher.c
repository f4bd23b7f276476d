/* Stand-in for certassist.exe / certassist-cli.exe in the installer test under Wine, where the
 * Windows freeze cannot be made (PySide6 does not load under Wine). It runs
 * _internal\python\python.exe -X utf8 -m certassist with this program's arguments and returns
 * its exit code, so the stand-in folder has the frozen folder's layout and its programs answer
 * --version, inspect and reminders like the real ones. Built with -DWINDOWED as the windowed
 * certassist.exe (no console window). */
#include <windows.h>
#include <wchar.h>

static const wchar_t *arguments(const wchar_t *line)
{
    if (*line == L'"') {
        line = wcschr(line + 1, L'"');
        line = line ? line + 1 : L"";
    } else {
        while (*line && *line != L' ' && *line != L'\t')
            line++;
    }
    while (*line == L' ' || *line == L'\t')
        line++;
    return line;
}

int WINAPI wWinMain(HINSTANCE instance, HINSTANCE previous, PWSTR unused, int show)
{
    static wchar_t folder[MAX_PATH], command[32768];
    STARTUPINFOW startup = {sizeof(startup)};
    PROCESS_INFORMATION process;
    DWORD code = 1, flags = 0;
    wchar_t *slash;

    (void)instance; (void)previous; (void)unused; (void)show;
    GetModuleFileNameW(NULL, folder, MAX_PATH);
    slash = wcsrchr(folder, L'\\');
    if (slash)
        *slash = 0;
#ifdef WINDOWED
    flags = CREATE_NO_WINDOW;
#endif
    _snwprintf(command, 32767, L"\"%ls\\_internal\\python\\python.exe\" -X utf8 -m certassist %ls",
               folder, arguments(GetCommandLineW()));
    if (!CreateProcessW(NULL, command, NULL, NULL, TRUE, flags, NULL, NULL, &startup, &process))
        return 127;
    WaitForSingleObject(process.hProcess, INFINITE);
    GetExitCodeProcess(process.hProcess, &code);
    CloseHandle(process.hProcess);
    CloseHandle(process.hThread);
    return (int)code;
}
