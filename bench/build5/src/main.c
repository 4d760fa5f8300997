int main(void) { return helper(); }
